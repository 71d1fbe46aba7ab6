package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.RouteExtractor;
import dev.leviathan.engine.bootstrap.routes.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Routes of Go's {@code net/http} {@code ServeMux}, gin, chi and echo. Routers are recognised by
 * type (constructors, parameters, struct fields and variables of the frameworks' router types,
 * through the import path whatever the alias), and followed through groups, closures, mounts and
 * calls across files and packages of the repository.
 *
 * <p>Test files ({@code _test.go}) and {@code testdata} trees are skipped: routers built there
 * are fixtures, and their calls into the real registration functions would add phantom mounts.
 * So are files built never ({@code //go:build ignore} or {@code none}).
 * A {@code go.mod} passed in with the files is used to map import paths to directories; without
 * one, an import path maps to the repository directory its trailing elements name.
 */
public final class GoRouteExtractor implements RouteExtractor {

    public GoRouteExtractor() {
    }

    @Override
    public String name() {
        return "go";
    }

    @Override
    public int version() {
        return 11;
    }

    @Override
    public Set<String> fileNames() {
        return Set.of("go.mod");
    }

    @Override
    public Set<String> extensions() {
        return Set.of(".go");
    }

    @Override
    public List<Route> extract(List<SourceFile> files) {
        List<ParsedFile> parsed = new ArrayList<>();
        List<Program.Module> modules = new ArrayList<>();
        for (SourceFile file : files) {
            String path = file.path();
            if (path.equals("go.mod") || path.endsWith("/go.mod")) {
                String module = Program.moduleLine(file.text());
                if (module != null) {
                    modules.add(new Program.Module(path.length() > 6 ? path.substring(0, path.length() - 7) : "",
                            module));
                }
                continue;
            }
            if (!path.endsWith(".go") || path.endsWith("_test.go") || isTestData(path) || neverBuilt(file.text())) {
                continue;
            }
            try {
                ParsedFile f = GoParser.parse(path, file.text());
                if (!f.packageName().isEmpty()) {
                    parsed.add(f);
                }
            } catch (RuntimeException | StackOverflowError e) {
                // A file the parser cannot survive contributes nothing; the others still count.
            }
        }
        Program program = Program.build(parsed, modules);
        return RouteListing.list(new RouteAnalysis(program).run());
    }

    /**
     * A file whose build constraint is {@code ignore} or {@code none} ({@code //go:build ignore},
     * or the older {@code // +build ignore}): by convention no build includes it (a generator, an
     * example kept beside the code).
     */
    static boolean neverBuilt(String text) {
        for (String line : text.lines().limit(64).toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("package ")) {
                return false; // constraints must come before the package clause
            }
            String expression = trimmed.startsWith("//go:build ") ? trimmed.substring(11).strip()
                    : trimmed.startsWith("// +build ") ? trimmed.substring(10).strip() : null;
            if (expression != null && (expression.equals("ignore") || expression.equals("none"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTestData(String path) {
        return path.startsWith("testdata/") || path.contains("/testdata/");
    }
}
