package dev.leviathan.engine.bootstrap.routes.python;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.RouteExtractor;
import dev.leviathan.engine.bootstrap.routes.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Routes of FastAPI, Flask and Django (with Django REST framework routers) applications, found
 * by parsing every Python file of the commit and resolving names across modules: routers and
 * blueprints included under prefixes in other files, prefixes taken from constants and settings
 * classes, Django URLconfs included from the {@code ROOT_URLCONF}.
 */
public final class PythonRouteExtractor implements RouteExtractor {

    /** Total order (Route.ORDER, then every other field), so equal routes from two mounts collapse into one. */
    /**
     * Resolutions allowed: a floor, plus so many per character of Python in the commit. The 96
     * Python applications of ops/route-check take at most 120,000 (0.02 per character), so the
     * bound only stops input that would otherwise keep a bootstrap busy (django-haystack's, before
     * version 10) and costs a few seconds at worst.
     */
    static final long STEP_FLOOR = 5_000_000;
    static final long STEPS_PER_CHARACTER = 10;

    private static final Comparator<Route> TOTAL = Route.ORDER
            .thenComparing(Route::handler)
            .thenComparing(Route::framework)
            .thenComparing(Route::resolved)
            .thenComparing(Route::rawExpression, Comparator.nullsFirst(Comparator.naturalOrder()));

    public PythonRouteExtractor() {
    }

    @Override
    public String name() {
        return "python";
    }

    @Override
    public int version() {
        return 10;
    }

    @Override
    public Set<String> extensions() {
        return Set.of(".py");
    }

    @Override
    public List<Route> extract(List<SourceFile> files) {
        List<SourceFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(SourceFile::path));
        List<SourceFile> python = sorted.stream().filter(f -> f.text() != null && f.path().endsWith(".py")).toList();
        // Files that may matter are parsed on all cores (parsing is most of the work); the rest only
        // if a name resolves into them. Then everything is resolved together, in path order.
        List<SourceFile> relevant = python.parallelStream().filter(f -> Relevance.mayMatter(f.path(), f.text()))
                .toList();
        PyModule[] parsed = new PyModule[relevant.size()];
        IntStream.range(0, parsed.length).parallel().forEach(i -> parsed[i] = parse(relevant.get(i)));
        List<PyModule> modules = new ArrayList<>();
        for (PyModule module : parsed) {
            if (module != null) {
                modules.add(module);
            }
        }
        modules.addAll(usingRouteHelpers(python, relevant, modules));
        modules.sort(Comparator.comparing(m -> m.path));
        ModuleIndex index = new ModuleIndex(python, modules);
        long characters = 0;
        for (SourceFile f : python) {
            characters += f.text().length();
        }
        Resolver resolver = new Resolver(index, modules, STEP_FLOOR + STEPS_PER_CHARACTER * characters);
        CallSites sites = new CallSites(modules, resolver);
        TreeSet<Route> routes = new TreeSet<>(TOTAL);
        // URLconfs first: including a Django Ninja API's urls mounts it, for the routers' pass.
        List<Route> django = new DjangoRoutes(modules, sites, resolver).routes();
        routes.addAll(new RouterRoutes(sites, resolver).routes());
        routes.addAll(django);
        return List.copyOf(routes);
    }

    /**
     * The files not parsed up front that decorate views with one of the repository's route
     * decorator factories ({@code from . import expose} then {@code @expose("/ping")}), or call a
     * function that declares or mounts routes on its parameter ({@code api_utils.do_init(app, ...)}),
     * parsed: what they do with those helpers gives routes although they name no framework.
     */
    private static List<PyModule> usingRouteHelpers(List<SourceFile> python, List<SourceFile> relevant,
            List<PyModule> parsed) {
        Set<String> factories = DecoratorFactories.names(parsed);
        Set<String> helpers = RouteHelpers.names(parsed);
        if (factories.isEmpty() && helpers.isEmpty()) {
            return List.of();
        }
        Set<String> done = new java.util.HashSet<>();
        relevant.forEach(f -> done.add(f.path()));
        return python.parallelStream()
                .filter(f -> !done.contains(f.path()) && usesHelper(f, factories, helpers))
                .map(PythonRouteExtractor::parse).filter(java.util.Objects::nonNull).toList();
    }

    private static boolean usesHelper(SourceFile f, Set<String> factories, Set<String> helpers) {
        try {
            return Relevance.callsDecorator(f.text(), factories) || Relevance.calls(f.text(), helpers);
        } catch (RuntimeException unreadable) {
            return false; // as for a file the parser cannot read: its routes, not the repository's, are lost
        }
    }

    private static PyModule parse(SourceFile f) {
        if (f.text() == null || !f.path().endsWith(".py")) {
            return null;
        }
        try {
            return PyModule.of(f);
        } catch (RuntimeException | StackOverflowError unreadable) {
            // A file the parser cannot read contributes no routes; the others still do.
            return null;
        }
    }
}
