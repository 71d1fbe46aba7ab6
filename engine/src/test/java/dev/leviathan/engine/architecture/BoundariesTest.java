package dev.leviathan.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries of DESIGN.md, enforced on the compiled engine. */
@AnalyzeClasses(packages = "dev.leviathan.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundariesTest {

    /** The engine is headless: the console binds to it, never the other way round. */
    @ArchTest
    static final ArchRule engineNeverImportsJavaFx = noClasses().that().resideInAPackage("dev.leviathan.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.leviathan.console..",
                    "dev.leviathan.simulator..");

    /** AEGIS-K8s is a world of its own: it may record events, and know nothing else of Leviathan. */
    @ArchTest
    static final ArchRule aegisImportsNothingOfLeviathanButEvents = noClasses()
            .that().resideInAPackage("dev.leviathan.engine.aegis..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.leviathan..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(
                            "dev.leviathan.engine.aegis..", "dev.leviathan.engine.event.."))));

    /** The event store is the bottom layer: everything projects from it, it knows nothing above. */
    @ArchTest
    static final ArchRule eventStoreDependsOnNothingAboveIt = noClasses()
            .that().resideInAPackage("dev.leviathan.engine.event..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.leviathan.engine.graph..",
                    "dev.leviathan.engine.target..", "dev.leviathan.engine.cli..", "dev.leviathan.engine.artifact..",
                    "dev.leviathan.engine.bench..");

    /** Commands are the CLI's edge: no engine logic may call into them. */
    @ArchTest
    static final ArchRule onlyTheCliUsesTheCli = noClasses()
            .that().resideOutsideOfPackage("dev.leviathan.engine.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.leviathan.engine.cli..");
}
