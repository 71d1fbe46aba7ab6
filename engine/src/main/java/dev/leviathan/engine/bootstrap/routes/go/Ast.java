package dev.leviathan.engine.bootstrap.routes.go;

import java.util.List;

/**
 * The part of Go's syntax tree the route analysis needs. Every expression knows the token range
 * {@code [from, to)} it came from, so its source text and line can be recovered for handlers and
 * unresolved paths. Types are expressions too, as in Go's own parser.
 */
final class Ast {

    private Ast() {
    }

    sealed interface Expr permits Ident, BasicLit, StringLit, FuncLit, CompositeLit, KeyValue, Paren, Selector,
            Index, SliceExpr, TypeAssert, Call, Star, Unary, Binary, ArrayType, MapType, ChanType, FuncTypeExpr,
            StructType, InterfaceType, Ellipsis, Bad {
        int from();

        int to();
    }

    record Ident(String name, int from, int to) implements Expr {
    }

    record BasicLit(String text, int from, int to) implements Expr {
    }

    record StringLit(String value, int from, int to) implements Expr {
    }

    record FuncLit(FuncType type, Block body, int from, int to) implements Expr {
    }

    /** {@code type} is null for an element whose type is elided ({@code []T{{...}}}). */
    record CompositeLit(Expr type, List<Expr> elements, int from, int to) implements Expr {
    }

    record KeyValue(Expr key, Expr value, int from, int to) implements Expr {
    }

    record Paren(Expr x, int from, int to) implements Expr {
    }

    record Selector(Expr x, String name, int from, int to) implements Expr {
    }

    record Index(Expr x, List<Expr> indices, int from, int to) implements Expr {
    }

    /** {@code x[low:high]}; {@code low} and {@code high} are null when left out. */
    record SliceExpr(Expr x, Expr low, Expr high, int from, int to) implements Expr {
    }

    /** {@code type} is null for the {@code x.(type)} of a type switch. */
    record TypeAssert(Expr x, Expr type, int from, int to) implements Expr {
    }

    record Call(Expr fun, List<Expr> args, int from, int to) implements Expr {
    }

    record Star(Expr x, int from, int to) implements Expr {
    }

    record Unary(String op, Expr x, int from, int to) implements Expr {
    }

    record Binary(String op, Expr x, Expr y, int from, int to) implements Expr {
    }

    /** {@code length} is null for a slice type. */
    record ArrayType(Expr length, Expr element, int from, int to) implements Expr {
    }

    record MapType(Expr key, Expr value, int from, int to) implements Expr {
    }

    record ChanType(Expr value, int from, int to) implements Expr {
    }

    record FuncTypeExpr(FuncType type, int from, int to) implements Expr {
    }

    record StructType(List<Field> fields, int from, int to) implements Expr {
    }

    record InterfaceType(int from, int to) implements Expr {
    }

    record Ellipsis(Expr element, int from, int to) implements Expr {
    }

    record Bad(int from, int to) implements Expr {
    }

    /** A parameter or result; {@code name} is null when unnamed. */
    record Param(String name, Expr type) {
    }

    record FuncType(List<Param> params, List<Param> results) {
    }

    /** A struct field; {@code names} is empty for an embedded field. */
    record Field(List<String> names, Expr type) {
    }

    sealed interface Stmt permits ExprStmt, Assign, DeclStmt, Block, If, For, Range, Switch, Return, Go, Labeled,
            Other {
    }

    record ExprStmt(Expr x) implements Stmt {
    }

    /** {@code op} is {@code =}, {@code :=} or an operator assignment such as {@code +=}. */
    record Assign(List<Expr> lhs, String op, List<Expr> rhs) implements Stmt {
    }

    record DeclStmt(GenDecl decl) implements Stmt {
    }

    record Block(List<Stmt> statements) implements Stmt {
    }

    record If(Stmt init, Expr condition, Block then, Stmt otherwise) implements Stmt {
    }

    record For(Stmt init, Expr condition, Stmt post, Block body) implements Stmt {
    }

    record Range(Expr key, Expr value, boolean define, Expr x, Block body) implements Stmt {
    }

    /** Expression, type and select switches; {@code tag} is null when absent. */
    record Switch(Stmt init, Stmt tag, List<CaseClause> clauses) implements Stmt {
    }

    /** {@code expressions} is null for {@code default}. */
    record CaseClause(List<Expr> expressions, List<Stmt> body) {
    }

    record Return(List<Expr> results) implements Stmt {
    }

    /** {@code go} and {@code defer} statements. */
    record Go(Expr call) implements Stmt {
    }

    record Labeled(Stmt statement) implements Stmt {
    }

    /** Statements that cannot register routes: branches, sends, increments, empty statements. */
    record Other(List<Expr> expressions) implements Stmt {
    }

    sealed interface Decl permits FuncDecl, GenDecl {
    }

    /** {@code receiver} is null for a plain function; {@code body} null for an external declaration. */
    record FuncDecl(Param receiver, String name, FuncType type, Block body, int line) implements Decl {
    }

    /** {@code const}, {@code var} and {@code type} declarations. */
    record GenDecl(String keyword, List<Spec> specs) implements Decl {
    }

    sealed interface Spec permits ValueSpec, TypeSpec {
    }

    record ValueSpec(List<String> names, Expr type, List<Expr> values, int line) implements Spec {
    }

    record TypeSpec(String name, Expr type) implements Spec {
    }

    record Import(String alias, String path) {
    }
}
