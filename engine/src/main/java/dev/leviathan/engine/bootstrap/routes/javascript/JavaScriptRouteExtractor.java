package dev.leviathan.engine.bootstrap.routes.javascript;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.RouteExtractor;
import dev.leviathan.engine.bootstrap.routes.SourceFile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Express routes of JavaScript and TypeScript sources ({@code framework = "express"}). The files
 * of a commit are evaluated abstractly as modules: apps and routers are known from
 * {@code express()}, {@code express.Router()} and {@code Router} imported from express, from
 * parameters typed {@code Router}/{@code Express}/{@code Application}, and from what callers
 * pass; {@code use()} mounts are followed across {@code require}/{@code import}, so each route gets
 * the full path of every mount it is reachable under. {@code package.json} files are read too:
 * directory imports follow their {@code main}, a monorepo's packages are imported by name, and in
 * the repository of Express itself (or a monorepo developing it) {@code require('../../')} is
 * Express.
 */
public final class JavaScriptRouteExtractor implements RouteExtractor {

    private static final Set<String> EXTENSIONS = Set.of(".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts",
            ".tsx");
    private static final Set<String> FILE_NAMES = Set.of(PackageManifest.FILE_NAME);
    /** Evaluation steps allowed: a floor, plus so many per character of input. */
    private static final long BASE_STEPS = 20_000_000L;
    private static final long STEPS_PER_CHAR = 40L;

    private static final Comparator<Route> TOTAL_ORDER = Route.ORDER
            .thenComparing(Route::handler)
            .thenComparing(Route::resolved)
            .thenComparing(Route::rawExpression, Comparator.nullsFirst(Comparator.naturalOrder()));

    public JavaScriptRouteExtractor() {
        // stateless
    }

    @Override
    public String name() {
        return "javascript";
    }

    /**
     * 2: package.json read (Express's own repository, directory mains, workspace packages), loaders
     * followed. 6: compiled CommonJS without its source in the commit is read, through tsc's and
     * Babel's interop helpers. 8: counting loops run to their end, prototypes are followed
     * ({@code Object.create}, {@code util.inherits}), lodash's {@code _.merge}. 10: an app or router
     * held in a variable or property stays when a branch the analysis cannot decide assigns a value
     * it does not know there; an undecided {@code ?:} between null and an unknown value is unknown.
     * 11: routers returned from undecided branches are mounted together; a module loaded by an
     * undecided choice of specifiers loads each; Express 5 paths opening with an optional group.
     * 12: built-ins written as shims ({@code Promise.resolve}) run however often they are called;
     * express-ws's {@code app.ws(path, handler)} is a {@code WEBSOCKET} route.
     */
    @Override
    public int version() {
        return 12;
    }

    @Override
    public Set<String> extensions() {
        return EXTENSIONS;
    }

    /**
     * {@code package.json}: directory imports read its {@code main}, monorepos import workspace
     * packages by its {@code name}, and Express's own repository is known by it.
     */
    @Override
    public Set<String> fileNames() {
        return FILE_NAMES;
    }

    @Override
    public List<Route> extract(List<SourceFile> files) {
        if (files == null) {
            return List.of();
        }
        Map<String, ModuleRecord> modules = new TreeMap<>();
        List<PackageManifest> manifests = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        Map<String, String> transpiled = new TreeMap<>();
        long chars = 0;
        for (SourceFile file : files) {
            if (file == null || file.path() == null || file.text() == null) {
                continue;
            }
            paths.add(file.path());
            if (isManifest(file.path())) {
                PackageManifest.parse(file.path(), file.text()).ifPresent(manifests::add);
                continue;
            }
            if (dialect(file.path()) == null) {
                continue;
            }
            if (!SourceSelection.isReadable(file.path(), file.text())) {
                continue;
            }
            if (SourceSelection.isTranspiled(file.text())) {
                transpiled.put(file.path(), file.text());
                continue;
            }
            modules.put(file.path(), new ModuleRecord(file.path(), file.text(), dialect(file.path())));
            chars += file.text().length();
        }
        for (String path : SourceSelection.transpiledWithoutSource(modules.keySet(), List.copyOf(transpiled.keySet()))) {
            modules.put(path, new ModuleRecord(path, transpiled.get(path), dialect(path)));
            chars += transpiled.get(path).length();
        }
        List<Route> routes;
        try {
            ModuleResolver resolver = new ModuleResolver(modules.keySet(), new Packages(manifests));
            VendoredExpress vendored = new VendoredExpress(resolver.packages(), resolver, modules);
            Evaluator evaluator = new Evaluator(modules, resolver, vendored, new FileTree(paths),
                    BASE_STEPS + STEPS_PER_CHAR * chars);
            routes = new ArrayList<>(evaluator.run(SourceSelection.evaluationRoots(modules, resolver, vendored)));
        } catch (RuntimeException | StackOverflowError e) {
            routes = new ArrayList<>(); // the evaluator guards each module; this is the last line of defence
        }
        routes.sort(TOTAL_ORDER);
        // A router mounted twice at one prefix serves each route once: one fact per route. So do two
        // mounts under prefixes known only at run time that leave the same path (bull-arena mounts its
        // routes under `listenOpts.basePath ? listenOpts.basePath : '/'` or under `appBasePath`, by a
        // setting): one route, with the first expression, in this order, as its raw one.
        Map<List<Object>, Route> once = new LinkedHashMap<>();
        for (Route r : routes) {
            once.putIfAbsent(Arrays.asList(r.framework(), r.method(), r.path(), r.resolved(), r.file(), r.line(),
                    r.handler()), r);
        }
        return List.copyOf(once.values());
    }

    /** A {@code package.json} outside test code (fixtures there describe no package of the application). */
    private static boolean isManifest(String path) {
        return (path.equals(PackageManifest.FILE_NAME) || path.endsWith("/" + PackageManifest.FILE_NAME))
                && !SourceSelection.isTest(path);
    }

    private static Parser.Dialect dialect(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ts") || lower.endsWith(".mts") || lower.endsWith(".cts")) {
            return Parser.Dialect.TYPESCRIPT;
        }
        if (lower.endsWith(".tsx")) {
            return Parser.Dialect.TSX;
        }
        if (lower.endsWith(".js") || lower.endsWith(".mjs") || lower.endsWith(".cjs") || lower.endsWith(".jsx")) {
            return Parser.Dialect.JAVASCRIPT;
        }
        return null;
    }
}
