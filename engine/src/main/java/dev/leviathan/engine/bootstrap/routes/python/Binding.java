package dev.leviathan.engine.bootstrap.routes.python;

/** What a name was bound to by one statement, and the scope the statement runs in. */
sealed interface Binding {

    Scope scope();

    int line();

    /** {@code name = value} ({@code value} null for a bare annotation or a tuple unpacking). */
    record Assigned(Expr value, Scope scope, int line) implements Binding {
    }

    /**
     * Element {@code index} of a tuple unpacking whose value is not a tuple written out
     * ({@code blueprint, api = _get_blueprint_and_api(name)}).
     */
    record Unpacked(Expr value, int index, Scope scope, int line) implements Binding {
    }

    /** {@code import a.b.c} binds {@code a} ({@code boundParts} 1); with {@code as x}, all parts. */
    record ModuleImport(String dotted, int boundParts, Scope scope, int line) implements Binding {
    }

    /** {@code from module import name}, {@code level} leading dots. */
    record FromImportName(int level, String module, String name, Scope scope, int line) implements Binding {
    }

    /** {@code def} or {@code class}; {@code body} is the scope its body runs in. */
    record Defined(Stmt def, Scope body, Scope scope, int line) implements Binding {
    }

    /** Parameter number {@code index} of {@code function}. */
    record Parameter(Stmt.Param param, Stmt.FunctionDef function, int index, Scope scope, int line) implements Binding {
    }

    /** A {@code for} target; {@code index} is its position in a tuple target ({@code for r, p in ...}), else -1. */
    record LoopVariable(Stmt.ForLoop loop, int index, Scope scope, int line) implements Binding {
    }
}
