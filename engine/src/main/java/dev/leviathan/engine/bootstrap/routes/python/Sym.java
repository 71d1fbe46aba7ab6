package dev.leviathan.engine.bootstrap.routes.python;

/** What an expression denotes, as far as static resolution can tell. */
sealed interface Sym {

    /** A module, package or folder of modules in the repository. */
    record ModuleSym(String stem) implements Sym {
    }

    /** Something from outside the repository, by qualified name ({@code fastapi.APIRouter}). */
    record ExternalSym(String name) implements Sym {
    }

    record ClassSym(Stmt.ClassDef def, Scope body) implements Sym {
    }

    record FunctionSym(Stmt.FunctionDef def, Scope body) implements Sym {
    }

    /** An instance of a repository class ({@code settings = Settings()}). */
    record InstanceSym(ClassSym type) implements Sym {
    }

    /** An app or router of a framework. */
    record RouterSym(RouterNode node) implements Sym {
    }

    /** Some other value: the expression assigned, to be evaluated in its scope. */
    record ValueSym(Expr value, Scope scope) implements Sym {
    }

    /** A function parameter without a framework type. */
    record ParameterSym(Binding.Parameter binding) implements Sym {
    }

    /** A loop variable: {@code index} as in {@link Binding.LoopVariable}. */
    record LoopSym(Stmt.ForLoop loop, int index, Scope scope) implements Sym {
    }

    record Unknown() implements Sym {
    }

    Unknown UNKNOWN = new Unknown();
}
