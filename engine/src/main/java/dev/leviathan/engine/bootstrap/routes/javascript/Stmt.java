package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.List;

/** A statement, as far as route extraction needs it; type-only TypeScript declarations leave none. */
sealed interface Stmt {

    /** {@code var}, {@code let} or {@code const}; a target is a name or a destructuring pattern. */
    record VarDecl(List<Declarator> declarators) implements Stmt {
    }

    record Declarator(Expr target, Expr init) {
    }

    record FunctionDecl(FunctionNode function) implements Stmt {
    }

    record ClassDecl(ClassNode type) implements Stmt {
    }

    /** A TypeScript {@code enum}: members without an initialiser are left null. */
    record EnumDecl(String name, List<String> members, List<Expr> initialisers) implements Stmt {
    }

    record ExprStmt(Expr expression) implements Stmt {
    }

    record Block(List<Stmt> body) implements Stmt {
    }

    record If(Expr test, Stmt then, Stmt otherwise) implements Stmt {
    }

    /** {@code for(;;)}, {@code while}, {@code do…while}: the parts not written are null. */
    record Loop(Stmt init, Expr test, Expr update, Stmt body) implements Stmt {
    }

    /** {@code for (target of/in iterable)}. */
    record ForEach(boolean overKeys, Expr target, Expr iterable, Stmt body) implements Stmt {
    }

    record Return(Expr value) implements Stmt {
    }

    record Throw(Expr value) implements Stmt {
    }

    record Try(Block block, Expr parameter, Block handler, Block finalizer) implements Stmt {
    }

    record Switch(Expr discriminant, List<Case> cases) implements Stmt {
    }

    /** {@code case test:} or {@code default:} ({@code test} null), with the statements up to the next label. */
    record Case(Expr test, boolean isDefault, List<Stmt> body) {
    }

    /** An unlabelled {@code break} ({@code isBreak}) or {@code continue}. */
    record Jump(boolean isBreak) implements Stmt {
    }

    /**
     * {@code import d, * as ns, {a as b} from 'm'}, or TypeScript {@code import d = require('m')}
     * ({@code requireStyle}).
     */
    record Import(String source, String defaultName, String namespaceName, List<Alias> names,
            boolean requireStyle) implements Stmt {
    }

    /** {@code imported as local}, {@code local as exported}. */
    record Alias(String from, String to) {
    }

    /** {@code export const …}, {@code export function …}, {@code export class …}. */
    record ExportDecl(Stmt declaration) implements Stmt {
    }

    /** {@code export default expr}; a named function or class default export is {@code declaration}. */
    record ExportDefault(Expr value, Stmt declaration) implements Stmt {
    }

    /** {@code export {a as b}} or {@code export {a as b} from 'm'} (source non-null). */
    record ExportNames(List<Alias> names, String source) implements Stmt {
    }

    /** {@code export * from 'm'} or {@code export * as ns from 'm'}. */
    record ExportAll(String source, String alias) implements Stmt {
    }

    /** TypeScript {@code export = value}. */
    record ExportAssign(Expr value) implements Stmt {
    }

    record Empty() implements Stmt {
    }
}
