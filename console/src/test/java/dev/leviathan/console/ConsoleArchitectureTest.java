package dev.leviathan.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** STYLE.md's Controller / Model / View split, checked on the compiled console. */
class ConsoleArchitectureTest {

    private static JavaClasses console;

    @BeforeAll
    static void importConsole() {
        console = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.leviathan.console");
    }

    @Test
    void modelsHoldNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("Model")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
                .because("models hold JavaFX properties only; views build the nodes")
                .check(console);
    }

    @Test
    void viewsNeverCallTheEngine() {
        noClasses().that().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.leviathan.engine.Engine")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.leviathan.engine.event.EventStore")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("dev.leviathan.engine.target.TargetRegistry")
                .because("views bind to models and call on… handlers; controllers talk to the engine")
                .check(console);
    }

    @Test
    void modelsAndViewsStartNoThreads() {
        noClasses().that().haveSimpleNameEndingWith("Model").or().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.leviathan.console.ui.Background")
                .orShould().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("background work and the hand-over to the FX thread belong to controllers")
                .check(console);
    }
}
