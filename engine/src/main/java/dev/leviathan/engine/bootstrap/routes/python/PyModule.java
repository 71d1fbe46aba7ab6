package dev.leviathan.engine.bootstrap.routes.python;

import dev.leviathan.engine.bootstrap.routes.SourceFile;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed Python file and the bindings of all its scopes.
 *
 * @param stem the repository path without {@code .py}, and without {@code /__init__} for a
 *     package: the thing dotted module names map onto
 */
final class PyModule {

    final String path;
    final String text;
    final String stem;
    final boolean isPackage;
    final List<Stmt> body;
    final Scope scope;
    private final Map<Stmt, Scope> bodies = new IdentityHashMap<>();

    private PyModule(SourceFile file) {
        this.path = file.path();
        this.text = file.text();
        this.isPackage = isPackagePath(path);
        this.stem = stemOf(path);
        this.body = PyParser.parse(text);
        this.scope = new Scope(Scope.Kind.MODULE, null, this);
        declare(body, scope);
    }

    static PyModule of(SourceFile file) {
        return new PyModule(file);
    }

    /** True for a package's {@code __init__.py}. */
    static boolean isPackagePath(String path) {
        String noExt = path.endsWith(".py") ? path.substring(0, path.length() - 3) : path;
        return noExt.equals("__init__") || noExt.endsWith("/__init__");
    }

    /** The path without {@code .py}, and without {@code /__init__} for a package. */
    static String stemOf(String path) {
        String noExt = path.endsWith(".py") ? path.substring(0, path.length() - 3) : path;
        if (!isPackagePath(path)) {
            return noExt;
        }
        return noExt.equals("__init__") ? "" : noExt.substring(0, noExt.length() - 9);
    }

    /** The scope the body of {@code def} or {@code class} statement {@code s} runs in. */
    Scope bodyScope(Stmt s) {
        return bodies.get(s);
    }

    /**
     * True for test code ({@code tests/} or {@code test/} folders, {@code test_*.py},
     * {@code *_test.py}, {@code conftest.py}): its mounts stand in for the real app's only when
     * the real app mounts nothing.
     */
    boolean isTest() {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("tests") || parts[i].equals("test")) {
                return true;
            }
        }
        String name = parts[parts.length - 1];
        return name.startsWith("test_") || name.endsWith("_test.py") || name.equals("conftest.py")
                || name.equals("tests.py");
    }

    /** The last path component of the stem: {@code urls} for {@code proj/urls.py}. */
    String simpleName() {
        int slash = stem.lastIndexOf('/');
        return stem.substring(slash + 1);
    }

    private void declare(List<Stmt> stmts, Scope s) {
        for (Stmt stmt : stmts) {
            switch (stmt) {
                case Stmt.Import imp -> {
                    for (Stmt.ImportedName n : imp.names()) {
                        if (n.alias() != null) {
                            s.bind(n.alias(), new Binding.ModuleImport(n.dotted(), n.dotted().split("\\.").length, s,
                                    imp.line()));
                        } else {
                            String top = n.dotted().split("\\.")[0];
                            s.bind(top, new Binding.ModuleImport(n.dotted(), 1, s, imp.line()));
                        }
                    }
                }
                case Stmt.FromImport from -> {
                    if (from.star()) {
                        s.starImports.add(from);
                    }
                    for (Stmt.ImportedName n : from.names()) {
                        s.bind(n.alias() != null ? n.alias() : n.dotted(),
                                new Binding.FromImportName(from.level(), from.module(), n.dotted(), s, from.line()));
                    }
                }
                case Stmt.Assign a -> {
                    for (Expr target : a.targets()) {
                        bindTarget(target, a.value(), s, a.line());
                    }
                }
                case Stmt.FunctionDef f -> {
                    Scope inner = new Scope(Scope.Kind.FUNCTION, s, this);
                    s.bind(f.name(), new Binding.Defined(f, inner, s, f.line()));
                    bodies.put(f, inner);
                    for (int i = 0; i < f.params().size(); i++) {
                        Stmt.Param p = f.params().get(i);
                        inner.bind(p.name(), new Binding.Parameter(p, f, i, inner, f.line()));
                    }
                    declare(f.body(), inner);
                }
                case Stmt.ClassDef c -> {
                    Scope inner = new Scope(Scope.Kind.CLASS, s, this, c);
                    s.bind(c.name(), new Binding.Defined(c, inner, s, c.line()));
                    bodies.put(c, inner);
                    declare(c.body(), inner);
                }
                case Stmt.ForLoop loop -> {
                    bindLoopTarget(loop.target(), loop, s);
                    declare(loop.body(), s);
                }
                case Stmt.AugAssign aug -> {
                }
                case Stmt.ExprStmt e -> {
                }
                case Stmt.Return r -> {
                }
                case Stmt.Alternative alt -> {
                }
            }
        }
    }

    private static void bindTarget(Expr target, Expr value, Scope s, int line) {
        if (target instanceof Expr.Name n) {
            s.bind(n.id(), new Binding.Assigned(value, s, line));
        } else if (target instanceof Expr.Seq seq) {
            List<Expr> values = value instanceof Expr.Seq v && v.elements().size() == seq.elements().size()
                    ? v.elements() : null;
            for (int i = 0; i < seq.elements().size(); i++) {
                if (values == null && value != null && seq.elements().get(i) instanceof Expr.Name n) {
                    s.bind(n.id(), new Binding.Unpacked(value, i, s, line));
                } else {
                    bindTarget(seq.elements().get(i), values == null ? null : values.get(i), s, line);
                }
            }
        }
    }

    private static void bindLoopTarget(Expr target, Stmt.ForLoop loop, Scope s) {
        if (target instanceof Expr.Name n) {
            s.bind(n.id(), new Binding.LoopVariable(loop, -1, s, loop.line()));
        } else if (target instanceof Expr.Seq seq) {
            for (int i = 0; i < seq.elements().size(); i++) {
                if (seq.elements().get(i) instanceof Expr.Name n) {
                    s.bind(n.id(), new Binding.LoopVariable(loop, i, s, loop.line()));
                }
            }
        }
    }
}
