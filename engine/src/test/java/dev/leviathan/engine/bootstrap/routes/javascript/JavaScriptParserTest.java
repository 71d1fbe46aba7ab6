package dev.leviathan.engine.bootstrap.routes.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class JavaScriptParserTest {

    private static List<Stmt> js(String source) {
        return Parser.parse(source, Parser.Dialect.JAVASCRIPT);
    }

    private static List<Stmt> ts(String source) {
        return Parser.parse(source, Parser.Dialect.TYPESCRIPT);
    }

    private static Expr expression(Stmt s) {
        return ((Stmt.ExprStmt) s).expression();
    }

    @Test
    void readsSwitchCasesWithTheirBodies() {
        List<Stmt> program = js("""
                switch (key) {
                  case 'show':
                  case 'view':
                    method = 'get';
                    break;
                  default:
                    throw new Error(key);
                }
                """);

        Stmt.Switch sw = (Stmt.Switch) program.get(0);
        assertThat(sw.cases()).hasSize(3);
        assertThat(sw.cases().get(0).test()).isInstanceOf(Expr.StringLit.class);
        assertThat(sw.cases().get(0).body()).isEmpty();
        assertThat(sw.cases().get(1).body()).hasSize(2).last().isEqualTo(new Stmt.Jump(true));
        assertThat(sw.cases().get(2).isDefault()).isTrue();
        assertThat(sw.cases().get(2).body()).singleElement().isInstanceOf(Stmt.Throw.class);
    }

    @Test
    void readsUnlabelledJumpsAndSkipsLabelledOnes() {
        List<Stmt> program = js("""
                for (const f of files) { if (f === 'index.js') continue; else break }
                outer: for (;;) { break outer; }
                """);

        Stmt.If test = (Stmt.If) ((Stmt.Block) ((Stmt.ForEach) program.get(0)).body()).body().get(0);
        assertThat(test.then()).isEqualTo(new Stmt.Jump(false));
        assertThat(test.otherwise()).isEqualTo(new Stmt.Jump(true));
        Stmt.Loop labelled = (Stmt.Loop) program.get(1);
        assertThat(((Stmt.Block) labelled.body()).body()).isEmpty();
    }

    @Test
    void readsEveryImportForm() {
        List<Stmt> program = js("""
                import express, { Router as R, json } from 'express';
                import * as path from "path";
                import './polyfill';
                import type { Request } from 'express';
                """);

        assertThat(program).containsExactly(
                new Stmt.Import("express", "express", null, List.of(new Stmt.Alias("Router", "R"),
                        new Stmt.Alias("json", "json")), false),
                new Stmt.Import("path", null, "path", List.of(), false),
                new Stmt.Import("./polyfill", null, null, List.of(), false),
                new Stmt.Import("express", null, null, List.of(new Stmt.Alias("Request", "Request")), false));
    }

    @Test
    void readsEveryExportForm() {
        List<Stmt> program = ts("""
                export default router;
                export { a as b, c };
                export { default as users } from './users';
                export * from './all';
                export * as ns from './ns';
                export = app;
                export const x = 1;
                """);

        assertThat(program.get(0)).isInstanceOf(Stmt.ExportDefault.class);
        assertThat(program.get(1)).isEqualTo(new Stmt.ExportNames(List.of(new Stmt.Alias("a", "b"),
                new Stmt.Alias("c", "c")), null));
        assertThat(program.get(2)).isEqualTo(new Stmt.ExportNames(List.of(new Stmt.Alias("default", "users")),
                "./users"));
        assertThat(program.get(3)).isEqualTo(new Stmt.ExportAll("./all", null));
        assertThat(program.get(4)).isEqualTo(new Stmt.ExportAll("./ns", "ns"));
        assertThat(program.get(5)).isInstanceOf(Stmt.ExportAssign.class);
        assertThat(program.get(6)).isInstanceOf(Stmt.ExportDecl.class);
    }

    @Test
    void tellsArrowFunctionsFromParenthesisedExpressions() {
        List<Stmt> program = ts("""
                (a, b) => a;
                (a + b);
                async (req, res): Promise<void> => {};
                x ? (y) : z;
                <T,>(v: T) => v;
                """);

        assertThat(expression(program.get(0))).isInstanceOf(Expr.FunctionExpr.class);
        assertThat(expression(program.get(1))).isInstanceOf(Expr.Binary.class);
        assertThat(expression(program.get(2))).isInstanceOf(Expr.FunctionExpr.class);
        assertThat(expression(program.get(3))).isInstanceOf(Expr.Conditional.class);
        assertThat(expression(program.get(4))).isInstanceOf(Expr.FunctionExpr.class);
    }

    @Test
    void keepsTheNameOfASimpleParameterType() {
        List<Stmt> program = ts("function f(app: express.Application, r?: Router, o: { a: string }, "
                + "g: Array<Router>, u: Router | null) {}");

        FunctionNode fn = ((Stmt.FunctionDecl) program.get(0)).function();
        assertThat(fn.params()).extracting(FunctionNode.Param::type)
                .containsExactly("express.Application", "Router", null, null, null);
    }

    @Test
    void readsClassMembers() {
        List<Stmt> program = ts("""
                export class Users extends Base<T> implements A, B {
                  @Inject() private readonly router: Router = Router();
                  static path = '/users';
                  #secret = 1;
                  [key: string]: unknown;
                  constructor(private app: Express) { super(); }
                  get routes() { return this.router; }
                  async list(req, res) {}
                  static { init(); }
                }
                """);

        ClassNode cls = ((Stmt.ClassDecl) ((Stmt.ExportDecl) program.get(0)).declaration()).type();
        assertThat(cls.name()).isEqualTo("Users");
        assertThat(cls.superClass()).isEqualTo(new Expr.Name("Base", 27, 31));
        assertThat(cls.members()).extracting(ClassNode.Member::kind, ClassNode.Member::name,
                ClassNode.Member::isStatic).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ClassNode.MemberKind.FIELD, "router", false),
                        org.assertj.core.groups.Tuple.tuple(ClassNode.MemberKind.FIELD, "path", true),
                        org.assertj.core.groups.Tuple.tuple(ClassNode.MemberKind.FIELD, "#secret", false),
                        org.assertj.core.groups.Tuple.tuple(ClassNode.MemberKind.CONSTRUCTOR, "constructor", false),
                        org.assertj.core.groups.Tuple.tuple(ClassNode.MemberKind.ACCESSOR, "routes", false),
                        org.assertj.core.groups.Tuple.tuple(ClassNode.MemberKind.METHOD, "list", false),
                        org.assertj.core.groups.Tuple.tuple(ClassNode.MemberKind.STATIC_BLOCK, null, true));
        FunctionNode constructor = cls.members().get(3).function();
        assertThat(constructor.params().get(0).property()).isTrue();
        assertThat(constructor.params().get(0).type()).isEqualTo("Express");
    }

    @Test
    void insertsSemicolonsAtLineBreaks() {
        List<Stmt> program = js("""
                const a = b
                c()
                function f() {
                  return
                  router
                }
                """);

        assertThat(program).hasSize(3);
        Stmt.FunctionDecl f = (Stmt.FunctionDecl) program.get(2);
        assertThat(f.function().body().body().get(0)).isEqualTo(new Stmt.Return(null));
    }

    @Test
    void skipsTypeOnlyDeclarations() {
        List<Stmt> program = ts("""
                interface A { x: number }
                type B = A | { y: string };
                declare module 'm' { export const z: number; }
                declare const v: string;
                const type = 'still a variable';
                """);

        assertThat(program).hasSize(1);
        assertThat(program.get(0)).isInstanceOf(Stmt.VarDecl.class);
    }

    @Test
    void resumesAfterGarbageInsideAGroup() {
        List<Stmt> program = js("call(a ] b c, d);\nnext();");

        assertThat(program).hasSize(2);
        assertThat(expression(program.get(1))).isInstanceOf(Expr.Call.class);
    }

    @Test
    void readsDestructuringPatternsAsObjectAndArrayLiterals() {
        List<Stmt> program = js("const { Router, json: parse = x } = require('express'), [first, ...rest] = list;");

        Stmt.VarDecl decl = (Stmt.VarDecl) program.get(0);
        assertThat(decl.declarators()).hasSize(2);
        assertThat(decl.declarators().get(0).target()).isInstanceOf(Expr.ObjectLit.class);
        assertThat(decl.declarators().get(1).target()).isInstanceOf(Expr.ArrayLit.class);
    }

    @Test
    void recordsWhereAMemberPropertyStarts() {
        String source = "router\n  .get('/a', a)";

        Expr.Call call = (Expr.Call) expression(js(source).get(0));

        Expr.Member member = (Expr.Member) call.callee();
        assertThat(source.substring(member.propertyStart(), member.propertyStart() + 3)).isEqualTo("get");
    }
}
