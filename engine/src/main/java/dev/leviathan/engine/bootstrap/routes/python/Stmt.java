package dev.leviathan.engine.bootstrap.routes.python;

import java.util.List;

/**
 * A Python statement, as far as route extraction needs. Compound statements that do not open a
 * scope ({@code if}, {@code try}, {@code with}, {@code while}, {@code match}) are not kept: their
 * bodies are spliced into the enclosing statement list, because code in them runs in that scope.
 * Records here are compared by identity where used as keys (structural equality of two equal
 * definitions in different places would be wrong).
 */
sealed interface Stmt {

    int line();

    /** {@code dotted} as {@code alias} ({@code alias} null when none was written). */
    record ImportedName(String dotted, String alias) {
    }

    /** {@code import a.b as c, d}. */
    record Import(List<ImportedName> names, int line) implements Stmt {
    }

    /** {@code from ..module import a as b} ({@code level} leading dots; {@code star} for {@code import *}). */
    record FromImport(int level, String module, List<ImportedName> names, boolean star, int line) implements Stmt {
    }

    /** {@code a = b = value}, or {@code a: T = value} ({@code value} null for a bare annotation). */
    record Assign(List<Expr> targets, Expr value, int line) implements Stmt {
    }

    record AugAssign(Expr target, String op, Expr value, int line) implements Stmt {
    }

    record ExprStmt(Expr expr, int line) implements Stmt {
    }

    /** {@code keywords}: a {@code **name} parameter, which takes the keyword arguments no other takes. */
    record Param(String name, Expr annotation, Expr defaultValue, int line, boolean keywords) {
    }

    record FunctionDef(String name, List<Expr> decorators, List<Param> params, List<Stmt> body, int line)
            implements Stmt {
    }

    record ClassDef(String name, List<Expr> decorators, List<Expr> bases, List<Stmt> body, int line) implements Stmt {
    }

    record ForLoop(Expr target, Expr iterable, List<Stmt> body, int line) implements Stmt {
    }

    record Return(Expr value, int line) implements Stmt {
    }

    /**
     * The next {@code statements} statements (spliced) are an {@code elif}, {@code else} or
     * {@code except} branch: at run time they may run instead of the branch before them, so a name
     * both assign may hold either value (Horizon's {@code if ANGULAR_FEATURES[...]: urlpatterns =
     * [...] else: urlpatterns = [...]}).
     */
    record Alternative(int statements, int line) implements Stmt {
    }
}
