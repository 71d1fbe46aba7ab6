package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.go.Ast.Decl;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Expr;
import dev.leviathan.engine.bootstrap.routes.go.Ast.FuncDecl;
import dev.leviathan.engine.bootstrap.routes.go.Ast.GenDecl;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Ident;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Import;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Index;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Paren;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Spec;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Star;
import dev.leviathan.engine.bootstrap.routes.go.Ast.TypeSpec;
import dev.leviathan.engine.bootstrap.routes.go.Ast.ValueSpec;
import dev.leviathan.engine.bootstrap.routes.go.GoPackage.FuncDef;
import dev.leviathan.engine.bootstrap.routes.go.GoPackage.TypeDef;
import dev.leviathan.engine.bootstrap.routes.go.GoPackage.ValueDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every Go package of the commit, by directory, and how import paths map to those directories:
 * through the {@code module} line of a {@code go.mod} when one is given, otherwise by a directory
 * that holds the whole import path below the root (GOPATH layout), else by the longest trailing part
 * of the import path that names a directory of the repository.
 */
final class Program {

    private static final Set<String> STANDARD_ROOTS = Set.of("archive", "bufio", "builtin", "bytes", "cmp",
            "compress", "container", "context", "crypto", "database", "debug", "embed", "encoding", "errors",
            "expvar", "flag", "fmt", "go", "hash", "html", "image", "index", "io", "iter", "log", "maps", "math",
            "mime", "net", "os", "path", "plugin", "reflect", "regexp", "runtime", "slices", "sort", "strconv",
            "strings", "sync", "syscall", "testing", "text", "time", "unicode", "unique", "unsafe");

    /** A {@code module} line and the directory of its {@code go.mod}. */
    record Module(String root, String path) {
    }

    final Map<String, GoPackage> packages = new TreeMap<>();
    final List<Unit> units = new ArrayList<>();
    private final List<Module> modules;
    private final Map<String, String> resolved = new HashMap<>();

    private static final Set<String> ASSIGNING = Set.of("=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=",
            ">>=", "&^=", "++", "--");
    private Set<String> writtenFields;

    /**
     * The names of the fields some statement of the program writes through a selector: assigns
     * ({@code x.f = …}, {@code x.f += …}, {@code x.f++}, {@code x.f, y = …}) or takes the address of
     * ({@code &x.f}). A field no statement writes has only the value its literal gives, or none.
     */
    Set<String> writtenFields() {
        if (writtenFields == null) {
            Set<String> names = new HashSet<>();
            for (Unit unit : units) {
                List<Token> t = unit.file().tokens();
                for (int i = 1; i < t.size(); i++) {
                    if (t.get(i).kind() == Token.Kind.IDENT && t.get(i - 1).is(".") && written(t, i)) {
                        names.add(t.get(i).value());
                    }
                }
            }
            writtenFields = names;
        }
        return writtenFields;
    }

    private static boolean written(List<Token> t, int field) {
        Token next = field + 1 < t.size() ? t.get(field + 1) : null;
        if (next != null && next.kind() == Token.Kind.OP && ASSIGNING.contains(next.value())) {
            return true;
        }
        if (next != null && next.is(",")) {
            // One of several left-hand sides: an "=" later in the statement.
            for (int j = field + 2; j < t.size() && j < field + 64 && t.get(j).kind() != Token.Kind.SEMI; j++) {
                if (t.get(j).kind() == Token.Kind.OP && (t.get(j).value().equals("=") || t.get(j).value().equals(":="))) {
                    return true;
                }
            }
        }
        int start = field;
        while (start >= 2 && t.get(start - 1).is(".") && t.get(start - 2).kind() == Token.Kind.IDENT) {
            start -= 2;
        }
        return start >= 1 && t.get(start - 1).is("&");
    }

    private Program(List<Module> modules) {
        this.modules = modules.stream().sorted(Comparator.comparingInt((Module m) -> -m.path().length())
                .thenComparing(Module::root)).toList();
    }

    static Program build(List<ParsedFile> files, List<Module> modules) {
        Program program = new Program(modules);
        List<ParsedFile> sorted = files.stream().sorted(Comparator.comparing(ParsedFile::path)).toList();
        Map<String, String> names = new TreeMap<>();
        for (ParsedFile f : sorted) {
            String current = names.get(f.dir());
            if (current == null || current.equals("main") && !f.packageName().equals("main")) {
                names.put(f.dir(), f.packageName());
            }
        }
        names.forEach((dir, name) -> program.packages.put(dir, new GoPackage(dir, name)));
        for (ParsedFile f : sorted) {
            GoPackage pkg = program.packages.get(f.dir());
            Unit unit = new Unit(f, pkg, program.importNames(f));
            pkg.units.add(unit);
            program.units.add(unit);
            program.index(unit);
        }
        return program;
    }

    static String moduleLine(String goMod) {
        for (String line : goMod.split("\n")) {
            String t = line.trim();
            if (t.startsWith("module ") || t.startsWith("module\t")) {
                String path = t.substring(7).trim();
                int comment = path.indexOf("//");
                if (comment >= 0) {
                    path = path.substring(0, comment).trim();
                }
                if (path.length() > 1 && path.startsWith("\"") && path.endsWith("\"")) {
                    path = path.substring(1, path.length() - 1);
                }
                return path.isEmpty() ? null : path;
            }
        }
        return null;
    }

    private Map<String, String> importNames(ParsedFile f) {
        Map<String, String> out = new HashMap<>();
        for (Import imp : f.imports()) {
            String alias = imp.alias();
            if (alias != null && (alias.equals("_") || alias.equals("."))) {
                continue;
            }
            if (alias == null) {
                String dir = dirOf(imp.path());
                alias = dir != null ? packages.get(dir).name : defaultName(imp.path());
            }
            out.put(alias, imp.path());
        }
        return out;
    }

    /** The name a package is imported under by default: its last path element, without a major version. */
    static String defaultName(String importPath) {
        String[] parts = importPath.split("/");
        String last = parts[parts.length - 1];
        if (parts.length > 1 && last.matches("v[0-9]+")) {
            last = parts[parts.length - 2];
        }
        int dotVersion = last.indexOf(".v");
        if (dotVersion > 0) {
            last = last.substring(0, dotVersion);
        }
        return last.replace('-', '_');
    }

    /** The repository directory of an import path, or null when it is not part of the repository. */
    String dirOf(String importPath) {
        String dir = resolved.computeIfAbsent(importPath, p -> {
            String found = locate(p);
            return found == null ? "\0" : found;
        });
        return dir.equals("\0") ? null : dir;
    }

    private String locate(String path) {
        if (Framework.ofImport(path) != null) {
            return null;
        }
        for (Module m : modules) {
            if (path.equals(m.path()) || path.startsWith(m.path() + "/")) {
                String rest = path.substring(m.path().length());
                String dir = m.root().isEmpty() ? (rest.isEmpty() ? "" : rest.substring(1)) : m.root() + rest;
                return packages.containsKey(dir) ? dir : null;
            }
        }
        String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        if (!first.contains(".") && STANDARD_ROOTS.contains(first)) {
            return null;
        }
        // GOPATH layout: the whole import path, host first, below another directory
        // (`src/github.com/acme/app/…`, Debian's `usr/share/gocode/src/…`), the nearest to the root
        // when several hold it.
        String below = null;
        for (String dir : first.contains(".") && path.contains("/") ? packages.keySet() : Set.<String>of()) {
            if (dir.endsWith("/" + path) && (below == null || dir.length() < below.length())) {
                below = dir;
            }
        }
        if (below != null) {
            return below;
        }
        String suffix = path;
        while (true) {
            if (!suffix.isEmpty() && packages.containsKey(suffix)) {
                return suffix;
            }
            int slash = suffix.indexOf('/');
            if (slash < 0) {
                break;
            }
            suffix = suffix.substring(slash + 1);
        }
        GoPackage root = packages.get("");
        if (root != null && root.name.equals(defaultName(path)) && modules.isEmpty()) {
            return "";
        }
        return null;
    }

    private void index(Unit unit) {
        GoPackage pkg = unit.pkg();
        for (Decl decl : unit.file().decls()) {
            switch (decl) {
                case FuncDecl f when f.receiver() == null ->
                    pkg.funcs.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(new FuncDef(f, unit));
                case FuncDecl f -> {
                    String type = receiverTypeName(f.receiver().type());
                    if (type != null) {
                        pkg.methods.computeIfAbsent(type, k -> new HashMap<>())
                                .computeIfAbsent(f.name(), k -> new ArrayList<>()).add(new FuncDef(f, unit));
                    }
                }
                case GenDecl g -> {
                    for (ValueDef def : valueDefs(g, unit)) {
                        (g.keyword().equals("const") ? pkg.consts : pkg.vars).putIfAbsent(def.name(), def);
                    }
                    if (g.keyword().equals("type")) {
                        for (Spec s : g.specs()) {
                            if (s instanceof TypeSpec t) {
                                pkg.types.putIfAbsent(t.name(), new TypeDef(t.name(), t.type(), unit));
                            }
                        }
                    }
                }
            }
        }
    }

    /** The values a const or var declaration gives, with Go's implicit repetition in const groups. */
    static List<ValueDef> valueDefs(GenDecl g, Unit unit) {
        List<ValueDef> out = new ArrayList<>();
        if (g.keyword().equals("type")) {
            return out;
        }
        Expr previousType = null;
        List<Expr> previousValues = List.of();
        int iota = -1;
        for (Spec s : g.specs()) {
            if (!(s instanceof ValueSpec v)) {
                continue;
            }
            iota++;
            Expr type = v.type();
            List<Expr> values = v.values();
            if (g.keyword().equals("const") && values.isEmpty() && type == null) {
                type = previousType;
                values = previousValues;
            }
            previousType = type;
            previousValues = values;
            for (int i = 0; i < v.names().size(); i++) {
                Expr value = null;
                int index = 0;
                if (values.size() == v.names().size()) {
                    value = values.get(i);
                } else if (values.size() == 1) {
                    value = values.get(0);
                    index = i;
                }
                out.add(new ValueDef(v.names().get(i), type, value, index, iota, unit));
            }
        }
        return out;
    }

    static String receiverTypeName(Expr type) {
        Expr t = type;
        while (true) {
            switch (t) {
                case Star s -> t = s.x();
                case Paren p -> t = p.x();
                case Index i -> t = i.x();
                case Ident id -> {
                    return id.name();
                }
                default -> {
                    return null;
                }
            }
        }
    }

    List<FuncDef> methods(Value.TypeRef type, String name) {
        GoPackage pkg = packages.get(type.dir());
        if (pkg == null) {
            return List.of();
        }
        return pkg.methods.getOrDefault(type.name(), Map.of()).getOrDefault(name, List.of());
    }

    /** Every method declared on {@code type}, by name. */
    List<FuncDef> methods(Value.TypeRef type) {
        GoPackage pkg = packages.get(type.dir());
        if (pkg == null) {
            return List.of();
        }
        List<FuncDef> out = new ArrayList<>();
        pkg.methods.getOrDefault(type.name(), Map.of()).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.addAll(e.getValue()));
        return out;
    }

    TypeDef type(Value.TypeRef type) {
        GoPackage pkg = packages.get(type.dir());
        return pkg == null ? null : pkg.types.get(type.name());
    }

    /** Every method of the repository with this name, in file order. */
    List<FuncDef> methodsNamed(String name) {
        return methodsByName.computeIfAbsent(name, this::collectMethods);
    }

    private final Map<String, List<FuncDef>> methodsByName = new HashMap<>();

    private List<FuncDef> collectMethods(String name) {
        List<FuncDef> out = new ArrayList<>();
        for (GoPackage pkg : packages.values()) {
            pkg.methods.keySet().stream().sorted().forEach(type -> out.addAll(
                    pkg.methods.get(type).getOrDefault(name, List.of())));
        }
        return out;
    }
}
