package dev.leviathan.engine.bootstrap.routes.jvm;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.RouteExtractor;
import dev.leviathan.engine.bootstrap.routes.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Routes of Spring MVC / WebFlux annotated controllers and functional endpoints and of JAX-RS
 * resources in Java and Kotlin sources. Every file of the commit is parsed into a declaration skeleton first, so constants,
 * interfaces, base classes, sub-resources and {@code @ApplicationPath} declared in one file apply
 * to routes declared in another.
 */
public final class JvmRouteExtractor implements RouteExtractor {

    private static final Set<String> EXTENSIONS = Set.of(".java", ".kt");

    /** Route.ORDER, then whatever else differs, so equal-sorting routes still come out in one order. */
    private static final Comparator<Route> TOTAL_ORDER = Route.ORDER
            .thenComparing(Route::handler)
            .thenComparing(Route::framework)
            .thenComparing(Route::resolved)
            .thenComparing(Route::rawExpression, Comparator.nullsFirst(Comparator.naturalOrder()));

    public JvmRouteExtractor() {
    }

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public int version() {
        return 9;
    }

    @Override
    public Set<String> extensions() {
        return EXTENSIONS;
    }

    /** Spring Boot's default configuration files, for {@code ${...}} placeholders in mapping paths. */
    @Override
    public Set<String> fileNames() {
        return SpringProperties.FILE_NAMES;
    }

    @Override
    public List<Route> extract(List<SourceFile> files) {
        List<SourceFile> sorted = new ArrayList<>();
        for (SourceFile file : files) {
            if (file != null && file.path() != null && file.text() != null
                    && (file.path().endsWith(".java") || file.path().endsWith(".kt"))) {
                sorted.add(file);
            }
        }
        sorted.sort(Comparator.comparing(SourceFile::path));
        List<ParsedFile> parsed = new ArrayList<>(sorted.size());
        for (SourceFile file : sorted) {
            parsed.add(SourceParser.parse(file.path(), file.text()));
        }
        CodeBase code = new CodeBase(parsed);
        ConstantEvaluator constants = new ConstantEvaluator(code);
        List<Route> routes = new ArrayList<>(new SpringRoutes(code, constants, SpringProperties.of(files)).routes());
        routes.addAll(new FunctionalRoutes(code, constants, parsed).routes());
        routes.addAll(new JaxRsRoutes(code, constants).routes());
        routes.sort(TOTAL_ORDER);
        return List.copyOf(routes);
    }
}
