package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.go.Ast.Expr;
import dev.leviathan.engine.bootstrap.routes.go.Ast.FuncDecl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The package-level declarations of one directory, gathered from all its files. */
final class GoPackage {

    record FuncDef(FuncDecl decl, Unit unit) {
    }

    /**
     * A package-level const or var; {@code index} picks a value when one call yields several;
     * {@code iota} is the position of its spec in its declaration, what {@code iota} is in a const.
     */
    record ValueDef(String name, Expr type, Expr value, int index, int iota, Unit unit) {
    }

    record TypeDef(String name, Expr type, Unit unit) {
    }

    final String dir;
    final String name;
    final List<Unit> units = new ArrayList<>();
    final Map<String, ValueDef> consts = new HashMap<>();
    final Map<String, ValueDef> vars = new HashMap<>();
    final Map<String, List<FuncDef>> funcs = new HashMap<>();
    final Map<String, TypeDef> types = new HashMap<>();
    /** Type name, then method name, then the declarations (several under different build tags). */
    final Map<String, Map<String, List<FuncDef>>> methods = new HashMap<>();

    GoPackage(String dir, String name) {
        this.dir = dir;
        this.name = name;
    }
}
