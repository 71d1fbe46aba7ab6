package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.go.Ast.ArrayType;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Assign;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Bad;
import dev.leviathan.engine.bootstrap.routes.go.Ast.BasicLit;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Binary;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Block;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Call;
import dev.leviathan.engine.bootstrap.routes.go.Ast.CaseClause;
import dev.leviathan.engine.bootstrap.routes.go.Ast.ChanType;
import dev.leviathan.engine.bootstrap.routes.go.Ast.CompositeLit;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Decl;
import dev.leviathan.engine.bootstrap.routes.go.Ast.DeclStmt;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Ellipsis;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Expr;
import dev.leviathan.engine.bootstrap.routes.go.Ast.ExprStmt;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Field;
import dev.leviathan.engine.bootstrap.routes.go.Ast.For;
import dev.leviathan.engine.bootstrap.routes.go.Ast.FuncDecl;
import dev.leviathan.engine.bootstrap.routes.go.Ast.FuncLit;
import dev.leviathan.engine.bootstrap.routes.go.Ast.FuncType;
import dev.leviathan.engine.bootstrap.routes.go.Ast.FuncTypeExpr;
import dev.leviathan.engine.bootstrap.routes.go.Ast.GenDecl;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Go;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Ident;
import dev.leviathan.engine.bootstrap.routes.go.Ast.If;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Import;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Index;
import dev.leviathan.engine.bootstrap.routes.go.Ast.InterfaceType;
import dev.leviathan.engine.bootstrap.routes.go.Ast.KeyValue;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Labeled;
import dev.leviathan.engine.bootstrap.routes.go.Ast.MapType;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Other;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Param;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Paren;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Range;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Return;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Selector;
import dev.leviathan.engine.bootstrap.routes.go.Ast.SliceExpr;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Spec;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Star;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Stmt;
import dev.leviathan.engine.bootstrap.routes.go.Ast.StringLit;
import dev.leviathan.engine.bootstrap.routes.go.Ast.StructType;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Switch;
import dev.leviathan.engine.bootstrap.routes.go.Ast.TypeAssert;
import dev.leviathan.engine.bootstrap.routes.go.Ast.TypeSpec;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Unary;
import dev.leviathan.engine.bootstrap.routes.go.Ast.ValueSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A tolerant recursive-descent parser for the Go declarations and statements route analysis
 * reads. It follows the Go spec's grammar (including the composite-literal restriction in
 * {@code if}/{@code for}/{@code switch} headers) but recovers from any error by skipping to the
 * next statement or top-level declaration, so one broken construct costs only itself.
 */
final class GoParser {

    private static final int MAX_DEPTH = 400;

    /** Thrown inside the parser only, to unwind to the nearest recovery point. */
    private static final class ParseError extends RuntimeException {
        ParseError() {
            super(null, null, false, false);
        }
    }

    private final String src;
    private final List<Token> toks;
    private final int[] funcLitEnd;
    private int p;
    private int exprLev;
    private int depth;
    private int recoveries;

    private GoParser(String src) {
        this.src = src;
        this.toks = GoLexer.tokenize(src);
        this.funcLitEnd = new int[toks.size()];
    }

    static ParsedFile parse(String path, String src) {
        GoParser parser = new GoParser(src);
        return parser.file(path);
    }

    private ParsedFile file(String path) {
        String pkg = "";
        List<Import> imports = new ArrayList<>();
        List<Decl> decls = new ArrayList<>();
        skipSemis();
        if (tok().is("package")) {
            p++;
            if (tok().kind() == Token.Kind.IDENT) {
                pkg = tok().value();
                p++;
            }
        }
        while (tok().kind() != Token.Kind.EOF) {
            int start = p;
            try {
                Token t = tok();
                if (t.isSemi()) {
                    p++;
                } else if (t.is("import")) {
                    importDecl(imports);
                } else if (t.is("func")) {
                    decls.add(funcDecl());
                } else if (t.is("var") || t.is("const") || t.is("type")) {
                    decls.add(genDecl());
                } else {
                    throw new ParseError();
                }
            } catch (ParseError | StackOverflowError e) {
                recoveries++;
                depth = 0;
                exprLev = 0;
                p = Math.max(p, start + 1);
                skipToTopLevel();
            }
        }
        return new ParsedFile(path, pkg, List.copyOf(imports), List.copyOf(decls), toks, src, funcLitEnd, recoveries);
    }

    /** Skips to the next declaration keyword that starts a line at column zero, as gofmt leaves them. */
    private void skipToTopLevel() {
        while (tok().kind() != Token.Kind.EOF) {
            Token t = tok();
            if (t.kind() == Token.Kind.IDENT && (t.start() == 0 || src.charAt(t.start() - 1) == '\n')
                    && (t.is("func") || t.is("var") || t.is("const") || t.is("type") || t.is("import"))) {
                return;
            }
            p++;
        }
    }

    // ---- tokens

    private Token tok() {
        return toks.get(p);
    }

    private Token peek(int ahead) {
        return toks.get(Math.min(p + ahead, toks.size() - 1));
    }

    private void expect(String text) {
        if (!tok().is(text)) {
            throw new ParseError();
        }
        p++;
    }

    private void skipSemis() {
        while (tok().isSemi()) {
            p++;
        }
    }

    private boolean atSemiOrClose() {
        return tok().isSemi() || tok().is(")") || tok().is("}") || tok().kind() == Token.Kind.EOF;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ParseError();
        }
    }

    private void leave() {
        depth--;
    }

    // ---- declarations

    private void importDecl(List<Import> imports) {
        p++;
        if (tok().is("(")) {
            p++;
            while (!tok().is(")") && tok().kind() != Token.Kind.EOF) {
                if (tok().isSemi()) {
                    p++;
                    continue;
                }
                importSpec(imports);
            }
            expect(")");
        } else {
            importSpec(imports);
        }
    }

    private void importSpec(List<Import> imports) {
        String alias = null;
        if (tok().kind() == Token.Kind.IDENT || tok().is(".")) {
            alias = tok().value();
            p++;
        }
        if (tok().kind() != Token.Kind.STRING) {
            throw new ParseError();
        }
        imports.add(new Import(alias, tok().value()));
        p++;
    }

    private FuncDecl funcDecl() {
        int line = tok().line();
        p++;
        Param receiver = null;
        if (tok().is("(")) {
            List<Param> recv = params();
            receiver = recv.isEmpty() ? null : recv.get(0);
        }
        if (tok().kind() != Token.Kind.IDENT) {
            throw new ParseError();
        }
        String name = tok().value();
        p++;
        if (tok().is("[")) {
            skipBalanced("[", "]");
        }
        FuncType type = signature();
        Block body = null;
        if (tok().is("{")) {
            int saved = exprLev;
            exprLev = 0;
            body = block();
            exprLev = saved;
        }
        return new FuncDecl(receiver, name, type, body, line);
    }

    private GenDecl genDecl() {
        String keyword = tok().value();
        p++;
        List<Spec> specs = new ArrayList<>();
        if (tok().is("(")) {
            p++;
            while (!tok().is(")") && tok().kind() != Token.Kind.EOF) {
                if (tok().isSemi()) {
                    p++;
                    continue;
                }
                specs.add(spec(keyword));
                if (!tok().isSemi() && !tok().is(")")) {
                    throw new ParseError();
                }
            }
            expect(")");
        } else {
            specs.add(spec(keyword));
        }
        return new GenDecl(keyword, List.copyOf(specs));
    }

    private Spec spec(String keyword) {
        if (keyword.equals("type")) {
            String name = identName();
            if (tok().is("[") && peek(1).kind() == Token.Kind.IDENT && !peek(2).is("]")) {
                skipBalanced("[", "]");
            }
            if (tok().is("=")) {
                p++;
            }
            return new TypeSpec(name, type());
        }
        int line = tok().line();
        List<String> names = new ArrayList<>();
        names.add(identName());
        while (tok().is(",")) {
            p++;
            names.add(identName());
        }
        Expr type = null;
        if (!tok().is("=") && !atSemiOrClose()) {
            type = type();
        }
        List<Expr> values = List.of();
        if (tok().is("=")) {
            p++;
            values = exprList();
        }
        return new ValueSpec(List.copyOf(names), type, values, line);
    }

    private String identName() {
        if (tok().kind() != Token.Kind.IDENT) {
            throw new ParseError();
        }
        return toks.get(p++).value();
    }

    // ---- signatures and types

    private FuncType signature() {
        List<Param> params = params();
        List<Param> results = List.of();
        if (tok().is("(")) {
            results = params();
        } else if (startsType()) {
            results = List.of(new Param(null, type()));
        }
        return new FuncType(params, results);
    }

    private boolean startsType() {
        Token t = tok();
        if (t.kind() == Token.Kind.IDENT) {
            return !GoLexer.KEYWORDS.contains(t.value()) || t.is("func") || t.is("map") || t.is("chan")
                    || t.is("struct") || t.is("interface");
        }
        return t.is("*") || t.is("[") || t.is("<-") || t.is("(");
    }

    private List<Param> params() {
        expect("(");
        List<Expr[]> items = new ArrayList<>();
        while (!tok().is(")") && tok().kind() != Token.Kind.EOF) {
            Expr first = type();
            Expr second = null;
            if (!tok().is(",") && !tok().is(")")) {
                second = type();
            }
            items.add(new Expr[] {first, second});
            if (tok().is(",")) {
                p++;
                skipSemis();
            } else {
                break;
            }
        }
        skipSemis();
        expect(")");
        boolean named = items.stream().anyMatch(item -> item[1] != null);
        List<Param> out = new ArrayList<>();
        if (!named) {
            for (Expr[] item : items) {
                out.add(new Param(null, item[0]));
            }
            return List.copyOf(out);
        }
        List<String> pending = new ArrayList<>();
        for (Expr[] item : items) {
            pending.add(item[0] instanceof Ident id ? id.name() : "_");
            if (item[1] != null) {
                for (String name : pending) {
                    out.add(new Param(name, item[1]));
                }
                pending.clear();
            }
        }
        for (String name : pending) {
            out.add(new Param(name, new Bad(p, p)));
        }
        return List.copyOf(out);
    }

    /** A type in a declaration: never swallows a following {@code {} or {@code (}. */
    private Expr type() {
        enter();
        try {
            int from = p;
            Token t = tok();
            if (t.is("*")) {
                p++;
                return new Star(type(), from, p);
            }
            if (t.is("...")) {
                p++;
                return new Ellipsis(type(), from, p);
            }
            if (t.is("<-")) {
                p++;
                expect("chan");
                return new ChanType(type(), from, p);
            }
            if (t.is("(")) {
                p++;
                Expr inner = type();
                expect(")");
                return new Paren(inner, from, p);
            }
            if (t.kind() == Token.Kind.IDENT && !GoLexer.KEYWORDS.contains(t.value())) {
                p++;
                Expr x = new Ident(t.value(), from, p);
                if (tok().is(".") && peek(1).kind() == Token.Kind.IDENT) {
                    p += 2;
                    x = new Selector(x, toks.get(p - 1).value(), from, p);
                }
                if (tok().is("[") && !peek(1).is("]")) {
                    p++;
                    List<Expr> args = new ArrayList<>();
                    while (!tok().is("]") && tok().kind() != Token.Kind.EOF) {
                        args.add(type());
                        if (!tok().is(",")) {
                            break;
                        }
                        p++;
                    }
                    expect("]");
                    x = new Index(x, List.copyOf(args), from, p);
                }
                return x;
            }
            return typeLiteral();
        } finally {
            leave();
        }
    }

    /** Type literals that start with a keyword or bracket; shared by types and expression operands. */
    private Expr typeLiteral() {
        int from = p;
        Token t = tok();
        if (t.is("[")) {
            p++;
            Expr length = null;
            if (tok().is("...")) {
                p++;
                length = new Bad(p - 1, p);
            } else if (!tok().is("]")) {
                exprLev++;
                length = expr();
                exprLev--;
            }
            expect("]");
            return new ArrayType(length, type(), from, p);
        }
        if (t.is("map")) {
            p++;
            expect("[");
            Expr key = type();
            expect("]");
            return new MapType(key, type(), from, p);
        }
        if (t.is("chan")) {
            p++;
            if (tok().is("<-")) {
                p++;
            }
            return new ChanType(type(), from, p);
        }
        if (t.is("func")) {
            p++;
            return new FuncTypeExpr(signature(), from, p);
        }
        if (t.is("struct")) {
            return structType();
        }
        if (t.is("interface")) {
            p++;
            skipBalanced("{", "}");
            return new InterfaceType(from, p);
        }
        throw new ParseError();
    }

    private StructType structType() {
        int from = p;
        p++;
        expect("{");
        List<Field> fields = new ArrayList<>();
        while (!tok().is("}") && tok().kind() != Token.Kind.EOF) {
            if (tok().isSemi()) {
                p++;
                continue;
            }
            Token t = tok();
            Token next = peek(1);
            if (t.is("*") || t.kind() == Token.Kind.IDENT && (next.is(".") || next.isSemi() || next.is("}")
                    || next.kind() == Token.Kind.STRING)) {
                fields.add(new Field(List.of(), type()));
            } else {
                List<String> names = new ArrayList<>();
                names.add(identName());
                while (tok().is(",")) {
                    p++;
                    names.add(identName());
                }
                fields.add(new Field(List.copyOf(names), type()));
            }
            if (tok().kind() == Token.Kind.STRING) {
                p++;
            }
            if (!tok().isSemi() && !tok().is("}")) {
                throw new ParseError();
            }
        }
        expect("}");
        return new StructType(List.copyOf(fields), from, p);
    }

    private void skipBalanced(String open, String close) {
        expect(open);
        int level = 1;
        while (level > 0 && tok().kind() != Token.Kind.EOF) {
            if (tok().is(open)) {
                level++;
            } else if (tok().is(close)) {
                level--;
            }
            p++;
        }
    }

    // ---- statements

    /** A block; one cut off by the end of the file keeps the statements read so far. */
    private Block block() {
        expect("{");
        List<Stmt> list = statementList();
        if (tok().kind() != Token.Kind.EOF) {
            expect("}");
        }
        return new Block(list);
    }

    private List<Stmt> statementList() {
        List<Stmt> list = new ArrayList<>();
        while (!tok().is("}") && !tok().is("case") && !tok().is("default") && tok().kind() != Token.Kind.EOF) {
            if (tok().isSemi()) {
                p++;
                continue;
            }
            int start = p;
            int savedDepth = depth;
            int savedLev = exprLev;
            try {
                list.add(statement());
                if (!tok().isSemi() && !tok().is("}") && !tok().is("case") && !tok().is("default")) {
                    throw new ParseError();
                }
            } catch (ParseError e) {
                recoveries++;
                depth = savedDepth;
                exprLev = savedLev;
                p = Math.max(p, start);
                skipStatement();
            }
            if (p == start) {
                p++;
            }
        }
        return List.copyOf(list);
    }

    /**
     * Skips to the end of the current statement: a semicolon at this nesting level, or a closing
     * bracket that starts a line (where gofmt puts the end of a block). A stray closing bracket in
     * the middle of a broken line is skipped rather than taken as the end of the enclosing block.
     */
    private void skipStatement() {
        int level = 0;
        while (tok().kind() != Token.Kind.EOF) {
            Token t = tok();
            if (t.is("{") || t.is("(") || t.is("[")) {
                level++;
            } else if (t.is("}") || t.is(")") || t.is("]")) {
                if (level == 0 && startsLine(t)) {
                    return;
                }
                level = Math.max(0, level - 1);
            } else if (t.isSemi() && level == 0) {
                return;
            }
            p++;
        }
    }

    private boolean startsLine(Token t) {
        for (int i = t.start() - 1; i >= 0; i--) {
            char c = src.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private Stmt statement() {
        enter();
        try {
            Token t = tok();
            if (t.kind() == Token.Kind.IDENT) {
                switch (t.value()) {
                    case "var", "const", "type" -> {
                        return new DeclStmt(genDecl());
                    }
                    case "go", "defer" -> {
                        p++;
                        return new Go(expr());
                    }
                    case "return" -> {
                        p++;
                        return new Return(atSemiOrClose() || tok().is("case") ? List.of() : exprList());
                    }
                    case "break", "continue", "goto", "fallthrough" -> {
                        p++;
                        if (tok().kind() == Token.Kind.IDENT) {
                            p++;
                        }
                        return new Other(List.of());
                    }
                    case "if" -> {
                        return ifStatement();
                    }
                    case "for" -> {
                        return forStatement();
                    }
                    case "switch" -> {
                        return switchStatement();
                    }
                    case "select" -> {
                        return selectStatement();
                    }
                    default -> {
                        return simpleStatement(false, true);
                    }
                }
            }
            if (t.is("{")) {
                return block();
            }
            return simpleStatement(false, true);
        } finally {
            leave();
        }
    }

    private Stmt simpleStatement(boolean rangeOk, boolean labelOk) {
        if (rangeOk && tok().is("range")) {
            p++;
            return new Range(null, null, false, expr(), null);
        }
        List<Expr> lhs = exprList();
        Token t = tok();
        if (t.kind() == Token.Kind.OP && isAssignOp(t.value())) {
            p++;
            if (rangeOk && tok().is("range") && (t.value().equals(":=") || t.value().equals("="))) {
                p++;
                return new Range(lhs.get(0), lhs.size() > 1 ? lhs.get(1) : null, t.value().equals(":="), expr(),
                        null);
            }
            return new Assign(lhs, t.value(), exprList());
        }
        if (labelOk && lhs.size() == 1 && lhs.get(0) instanceof Ident && t.is(":")) {
            p++;
            if (tok().is("}")) {
                return new Labeled(new Other(List.of()));
            }
            return new Labeled(statement());
        }
        if (t.is("++") || t.is("--")) {
            p++;
            return new Other(lhs);
        }
        if (t.is("<-")) {
            p++;
            List<Expr> all = new ArrayList<>(lhs);
            all.add(expr());
            return new Other(List.copyOf(all));
        }
        return lhs.size() == 1 ? new ExprStmt(lhs.get(0)) : new Other(lhs);
    }

    private static boolean isAssignOp(String op) {
        return switch (op) {
            case "=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=" -> true;
            default -> false;
        };
    }

    private If ifStatement() {
        p++;
        int saved = exprLev;
        exprLev = -1;
        Stmt init = null;
        Expr condition = null;
        if (!tok().is("{")) {
            Stmt first = tok().isSemi() ? null : simpleStatement(false, false);
            if (tok().isSemi()) {
                p++;
                init = first;
                if (!tok().is("{")) {
                    condition = asExpr(simpleStatement(false, false));
                }
            } else {
                condition = asExpr(first);
            }
        }
        exprLev = saved;
        Block then = block();
        Stmt otherwise = null;
        if (tok().is("else")) {
            p++;
            otherwise = tok().is("if") ? ifStatement() : block();
        }
        return new If(init, condition, then, otherwise);
    }

    private static Expr asExpr(Stmt statement) {
        return statement instanceof ExprStmt e ? e.x() : null;
    }

    private Stmt forStatement() {
        p++;
        int saved = exprLev;
        exprLev = -1;
        Stmt init = null;
        Expr condition = null;
        Stmt post = null;
        Range range = null;
        if (!tok().is("{")) {
            Stmt first = tok().isSemi() ? null : simpleStatement(true, false);
            if (first instanceof Range r) {
                range = r;
            } else if (tok().isSemi()) {
                p++;
                init = first;
                if (!tok().isSemi()) {
                    condition = asExpr(simpleStatement(false, false));
                }
                if (tok().isSemi()) {
                    p++;
                }
                if (!tok().is("{")) {
                    post = simpleStatement(false, false);
                }
            } else {
                condition = asExpr(first);
            }
        }
        exprLev = saved;
        Block body = block();
        if (range != null) {
            return new Range(range.key(), range.value(), range.define(), range.x(), body);
        }
        return new For(init, condition, post, body);
    }

    private Switch switchStatement() {
        p++;
        int saved = exprLev;
        exprLev = -1;
        Stmt init = null;
        Stmt tag = null;
        if (!tok().is("{")) {
            Stmt first = tok().isSemi() ? null : simpleStatement(false, false);
            if (tok().isSemi()) {
                p++;
                init = first;
                if (!tok().is("{")) {
                    tag = simpleStatement(false, false);
                }
            } else {
                tag = first;
            }
        }
        exprLev = saved;
        expect("{");
        List<CaseClause> clauses = new ArrayList<>();
        while (tok().is("case") || tok().is("default") || tok().isSemi()) {
            if (tok().isSemi()) {
                p++;
                continue;
            }
            List<Expr> expressions = null;
            if (tok().is("case")) {
                p++;
                expressions = exprList();
            } else {
                p++;
            }
            expect(":");
            clauses.add(new CaseClause(expressions, statementList()));
        }
        expect("}");
        return new Switch(init, tag, List.copyOf(clauses));
    }

    private Switch selectStatement() {
        p++;
        expect("{");
        List<CaseClause> clauses = new ArrayList<>();
        while (tok().is("case") || tok().is("default") || tok().isSemi()) {
            if (tok().isSemi()) {
                p++;
                continue;
            }
            List<Stmt> body = new ArrayList<>();
            if (tok().is("case")) {
                p++;
                body.add(simpleStatement(false, false));
            } else {
                p++;
            }
            expect(":");
            body.addAll(statementList());
            clauses.add(new CaseClause(List.of(), List.copyOf(body)));
        }
        expect("}");
        return new Switch(null, null, List.copyOf(clauses));
    }

    // ---- expressions

    private List<Expr> exprList() {
        List<Expr> list = new ArrayList<>();
        list.add(expr());
        while (tok().is(",")) {
            p++;
            list.add(expr());
        }
        return List.copyOf(list);
    }

    private Expr expr() {
        enter();
        try {
            return binary(1);
        } finally {
            leave();
        }
    }

    private Expr binary(int minPrecedence) {
        Expr x = unary();
        while (true) {
            Token t = tok();
            int precedence = t.kind() == Token.Kind.OP ? precedence(t.value()) : 0;
            if (precedence < minPrecedence) {
                return x;
            }
            p++;
            Expr y = binary(precedence + 1);
            x = new Binary(t.value(), x, y, x.from(), p);
        }
    }

    private static int precedence(String op) {
        return switch (op) {
            case "||" -> 1;
            case "&&" -> 2;
            case "==", "!=", "<", "<=", ">", ">=" -> 3;
            case "+", "-", "|", "^" -> 4;
            case "*", "/", "%", "<<", ">>", "&", "&^" -> 5;
            default -> 0;
        };
    }

    private Expr unary() {
        enter();
        try {
            int from = p;
            Token t = tok();
            if (t.kind() == Token.Kind.OP) {
                switch (t.value()) {
                    case "+", "-", "!", "^", "&", "~" -> {
                        p++;
                        return new Unary(t.value(), unary(), from, p);
                    }
                    case "*" -> {
                        p++;
                        return new Star(unary(), from, p);
                    }
                    case "<-" -> {
                        p++;
                        if (tok().is("chan")) {
                            p++;
                            return new ChanType(type(), from, p);
                        }
                        return new Unary("<-", unary(), from, p);
                    }
                    default -> {
                    }
                }
            }
            return primary();
        } finally {
            leave();
        }
    }

    private Expr primary() {
        Expr x = operand();
        while (true) {
            Token t = tok();
            if (t.is(".")) {
                p++;
                if (tok().kind() == Token.Kind.IDENT) {
                    x = new Selector(x, tok().value(), x.from(), ++p);
                } else if (tok().is("(")) {
                    p++;
                    Expr type = null;
                    if (tok().is("type")) {
                        p++;
                    } else {
                        type = type();
                    }
                    expect(")");
                    x = new TypeAssert(x, type, x.from(), p);
                } else {
                    throw new ParseError();
                }
            } else if (t.is("[")) {
                x = indexOrSlice(x);
            } else if (t.is("(")) {
                x = call(x);
            } else if (t.is("{") && isLiteralType(x) && (exprLev >= 0 || !isTypeName(x))) {
                x = compositeLit(x, x.from());
            } else {
                return x;
            }
        }
    }

    private Expr indexOrSlice(Expr x) {
        p++;
        exprLev++;
        List<Expr> indices = new ArrayList<>();
        boolean slice = false;
        Expr low = null;
        Expr high = null;
        int colons = 0;
        while (!tok().is("]") && tok().kind() != Token.Kind.EOF) {
            if (tok().is(":")) {
                slice = true;
                colons++;
                p++;
                continue;
            }
            Expr e = expr();
            indices.add(e);
            if (colons == 0) {
                low = e;
            } else if (colons == 1) {
                high = e;
            }
            if (tok().is(",")) {
                p++;
            } else if (!tok().is(":")) {
                break;
            }
        }
        exprLev--;
        expect("]");
        return slice ? new SliceExpr(x, low, high, x.from(), p) : new Index(x, List.copyOf(indices), x.from(), p);
    }

    private Call call(Expr fun) {
        p++;
        exprLev++;
        List<Expr> args = new ArrayList<>();
        skipSemis();
        while (!tok().is(")") && tok().kind() != Token.Kind.EOF) {
            args.add(expr());
            if (tok().is("...")) {
                p++;
            }
            if (tok().is(",")) {
                p++;
                skipSemis();
            } else {
                break;
            }
        }
        skipSemis();
        exprLev--;
        expect(")");
        return new Call(fun, List.copyOf(args), fun.from(), p);
    }

    private CompositeLit compositeLit(Expr type, int from) {
        expect("{");
        exprLev++;
        List<Expr> elements = new ArrayList<>();
        skipSemis();
        while (!tok().is("}") && tok().kind() != Token.Kind.EOF) {
            Expr element = element();
            if (tok().is(":")) {
                p++;
                Expr value = element();
                element = new KeyValue(element, value, element.from(), p);
            }
            elements.add(element);
            if (tok().is(",")) {
                p++;
                skipSemis();
            } else {
                break;
            }
        }
        skipSemis();
        exprLev--;
        expect("}");
        return new CompositeLit(type, List.copyOf(elements), from, p);
    }

    private Expr element() {
        return tok().is("{") ? compositeLit(null, p) : expr();
    }

    private static boolean isTypeName(Expr x) {
        return x instanceof Ident || x instanceof Selector s && s.x() instanceof Ident;
    }

    private static boolean isLiteralType(Expr x) {
        return switch (x) {
            case Ident i -> true;
            case Selector s -> s.x() instanceof Ident;
            case ArrayType a -> true;
            case MapType m -> true;
            case StructType s -> true;
            case Index i -> isTypeName(i.x());
            default -> false;
        };
    }

    private Expr operand() {
        int from = p;
        Token t = tok();
        switch (t.kind()) {
            case IDENT -> {
                if (!GoLexer.KEYWORDS.contains(t.value())) {
                    p++;
                    return new Ident(t.value(), from, p);
                }
                if (t.is("func")) {
                    return funcTypeOrLit();
                }
                return typeLiteral();
            }
            case NUMBER -> {
                p++;
                return new BasicLit(t.value(), from, p);
            }
            case CHAR -> {
                p++;
                // Quoted, as written, so that '7' is not the number 7; the lexer decoded any escape.
                return new BasicLit("'" + t.value() + "'", from, p);
            }
            case STRING -> {
                p++;
                return new StringLit(t.value(), from, p);
            }
            case OP -> {
                if (t.is("(")) {
                    p++;
                    exprLev++;
                    skipSemis();
                    Expr inner = expr();
                    skipSemis();
                    exprLev--;
                    expect(")");
                    return new Paren(inner, from, p);
                }
                if (t.is("[")) {
                    return typeLiteral();
                }
                if (t.is("...")) {
                    p++;
                    return new Ellipsis(type(), from, p);
                }
                throw new ParseError();
            }
            default -> throw new ParseError();
        }
    }

    private Expr funcTypeOrLit() {
        int from = p;
        p++;
        FuncType type = signature();
        if (!tok().is("{")) {
            return new FuncTypeExpr(type, from, p);
        }
        int saved = exprLev;
        exprLev = 0;
        Block body = block();
        exprLev = saved;
        funcLitEnd[from] = p;
        return new FuncLit(type, body, from, p);
    }
}
