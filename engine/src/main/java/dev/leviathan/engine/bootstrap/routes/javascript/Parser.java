package dev.leviathan.engine.bootstrap.routes.javascript;

import dev.leviathan.engine.bootstrap.routes.javascript.Token.Kind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A tolerant recursive-descent parser for JavaScript and TypeScript, producing just the
 * structure route extraction needs. It never fails: every bracketed group is matched before
 * parsing, so whatever it does not understand inside a group is skipped up to the group's
 * closing bracket, and every loop advances at least one token. TypeScript types are scanned
 * over, keeping only the dotted name of a simple type reference.
 */
final class Parser {

    /** Deeper nesting than this is skipped as opaque: it keeps recursion within a thread's stack. */
    private static final int MAX_NESTING = 160;
    /** A closer closes at most this many unclosed openers above its own. */
    private static final int MAX_UNCLOSED_SKIP = 64;
    /** A type-argument list longer than this is taken for a comparison, not generics. */
    private static final int MAX_ANGLE_TOKENS = 256;

    private static final Set<String> ASSIGNMENT_OPERATORS = Set.of("=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=",
            ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=", "??=");
    private static final Set<String> PREFIX_OPERATORS = Set.of("!", "~", "+", "-", "++", "--");
    private static final Set<String> PREFIX_KEYWORDS = Set.of("typeof", "void", "delete", "await");
    /** Keywords that can follow {@code break}/{@code continue} on one line without being its label. */
    private static final Set<String> NOT_LABELS = Set.of("case", "default", "else", "break", "continue", "return",
            "var", "let", "const", "if", "for", "while", "do", "switch", "function", "class", "throw", "try");
    private static final Set<String> MEMBER_MODIFIERS = Set.of("static", "public", "private", "protected", "readonly",
            "abstract", "override", "declare", "accessor", "async", "get", "set");
    private static final Set<String> PARAMETER_MODIFIERS = Set.of("public", "private", "protected", "readonly",
            "override");
    /** Tokens after which an expression cannot continue: a prefix keyword before them is a name. */
    private static final Set<String> EXPRESSION_ENDS = Set.of(")", "]", "}", ",", ";", ":", "=", "=>", ".", "?.");

    /** How a file's dialect changes parsing. */
    enum Dialect {
        /** {@code .js} and friends: JSX allowed, {@code a < b > (c)} is a comparison. */
        JAVASCRIPT(true, false, false),
        /** {@code .ts}: {@code <T>x} is a type assertion. */
        TYPESCRIPT(false, true, true),
        /** {@code .tsx}: JSX, and generic calls. */
        TSX(true, true, false);

        final boolean jsx;
        final boolean generics;
        final boolean typeAssertions;

        Dialect(boolean jsx, boolean generics, boolean typeAssertions) {
            this.jsx = jsx;
            this.generics = generics;
            this.typeAssertions = typeAssertions;
        }
    }

    private final List<Token> tokens;
    private final int[] match;
    /** For an opener never closed: the index of the token that ended it (an outer closer, or the end). */
    private final int[] implicitEnd;
    private final Dialect dialect;
    private final int eof;
    private int i;
    private int nesting;
    private boolean noIn;

    private Parser(List<Token> tokens, Dialect dialect) {
        this.tokens = tokens;
        this.dialect = dialect;
        this.eof = tokens.size() - 1;
        this.match = new int[tokens.size()];
        this.implicitEnd = new int[tokens.size()];
        matchBrackets(tokens, match, implicitEnd);
    }

    static List<Stmt> parse(String source, Dialect dialect) {
        return parse(Lexer.tokenize(source, dialect.jsx), dialect);
    }

    static List<Stmt> parse(List<Token> tokens, Dialect dialect) {
        Parser parser = new Parser(tokens, dialect);
        List<Stmt> program = new ArrayList<>();
        while (!parser.atEof()) {
            int before = parser.i;
            parser.addStatement(program);
            if (parser.i == before) {
                parser.i++;
            }
        }
        return program;
    }

    /**
     * For every opening token the index of its closing token (and back), or -1. Template literal
     * heads and middles open a substitution that the next middle or tail closes. A stray closer is
     * ignored; a closer that matches an opener further down closes the openers above it unmatched.
     */
    static void matchBrackets(List<Token> tokens, int[] match, int[] implicitEnd) {
        Arrays.fill(match, -1);
        Arrays.fill(implicitEnd, tokens.size() - 1);
        ArrayDeque<Integer> open = new ArrayDeque<>();
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            char closes = closes(t);
            if (closes != 0) {
                boolean found = false;
                int searched = 0;
                for (int opener : open) {
                    if (opens(tokens.get(opener)) == closes) {
                        found = true;
                        break;
                    }
                    if (++searched >= MAX_UNCLOSED_SKIP) {
                        break; // a closer this far from any opener of its kind is stray
                    }
                }
                if (found) {
                    while (true) {
                        int opener = open.pop();
                        if (opens(tokens.get(opener)) == closes) {
                            match[opener] = k;
                            match[k] = opener;
                            break;
                        }
                        implicitEnd[opener] = k;
                    }
                }
            }
            if (opens(t) != 0) {
                open.push(k);
            }
        }
    }

    private static char opens(Token t) {
        if (t.kind() == Kind.TEMPLATE_HEAD || t.kind() == Kind.TEMPLATE_MIDDLE) {
            return '`';
        }
        if (t.kind() == Kind.PUNCT && t.text().length() == 1) {
            return switch (t.text().charAt(0)) {
                case '(' -> ')';
                case '[' -> ']';
                case '{' -> '}';
                default -> 0;
            };
        }
        return 0;
    }

    private static char closes(Token t) {
        if (t.kind() == Kind.TEMPLATE_MIDDLE || t.kind() == Kind.TEMPLATE_TAIL) {
            return '`';
        }
        if (t.kind() == Kind.PUNCT && t.text().length() == 1) {
            char c = t.text().charAt(0);
            return c == ')' || c == ']' || c == '}' ? c : 0;
        }
        return 0;
    }

    // ---- token cursor

    private Token peek() {
        return tokens.get(i);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(i + ahead, eof));
    }

    private boolean atEof() {
        return i >= eof;
    }

    private boolean at(String punct) {
        return peek().isPunct(punct);
    }

    private boolean atName(String name) {
        return peek().isName(name);
    }

    private boolean eat(String punct) {
        if (at(punct)) {
            i++;
            return true;
        }
        return false;
    }

    private int start() {
        return peek().start();
    }

    /** The end offset of the token before the cursor. */
    private int lastEnd() {
        return i > 0 ? tokens.get(Math.min(i, eof + 1) - 1).end() : 0;
    }

    /** Index of the closer matching the opener under the cursor, or the end of the file. */
    private int closeOf(int opener) {
        int close = match[opener];
        return close >= 0 ? close : implicitEnd[opener];
    }

    /** Moves past the group opening at the cursor. */
    private void skipGroup() {
        leaveGroup(i);
    }

    /**
     * Moves past the group opened at {@code opener}: past its closer, or, for a group never
     * closed, up to the closer of the enclosing group that ended it.
     */
    private void leaveGroup(int opener) {
        int end = match[opener] >= 0 ? match[opener] + 1 : implicitEnd[opener];
        i = Math.min(Math.max(i, end), eof);
    }

    // ---- statements

    private void addStatement(List<Stmt> out) {
        Stmt s = statement();
        if (!(s instanceof Stmt.Empty)) {
            out.add(s);
        }
    }

    private Stmt statement() {
        if (nesting > MAX_NESTING) {
            skipOpaque();
            return new Stmt.Empty();
        }
        nesting++;
        try {
            return statementUnguarded();
        } finally {
            nesting--;
        }
    }

    private Stmt statementUnguarded() {
        Token t = peek();
        if (t.kind() == Kind.PUNCT) {
            switch (t.text()) {
                case "{" -> {
                    return block();
                }
                case ";" -> {
                    i++;
                    return new Stmt.Empty();
                }
                case "@" -> {
                    skipDecorators();
                    return statement();
                }
                default -> {
                    // an expression statement below
                }
            }
        }
        if (t.kind() == Kind.NAME) {
            Stmt s = keywordStatement(t);
            if (s != null) {
                return s;
            }
            if (peek(1).isPunct(":") && !t.text().equals("default")) {
                i += 2; // a label
                return statement();
            }
        }
        Expr e = expression();
        eat(";");
        return new Stmt.ExprStmt(e);
    }

    /** A statement introduced by a keyword, or null for an expression statement. */
    private Stmt keywordStatement(Token t) {
        Token next = peek(1);
        boolean nextOnLine = !next.newlineBefore();
        switch (t.text()) {
            case "var", "const" -> {
                if (next.isName("enum")) {
                    i++;
                    return enumDeclaration();
                }
                return varDeclaration();
            }
            case "let" -> {
                if (next.kind() == Kind.NAME || next.isPunct("[") || next.isPunct("{")) {
                    return varDeclaration();
                }
                return null;
            }
            case "function" -> {
                return new Stmt.FunctionDecl(function(t.start()));
            }
            case "async" -> {
                if (next.isName("function") && nextOnLine) {
                    i++;
                    return new Stmt.FunctionDecl(function(t.start()));
                }
                return null;
            }
            case "class" -> {
                return new Stmt.ClassDecl(classNode());
            }
            case "abstract" -> {
                if (next.isName("class")) {
                    i++;
                    return new Stmt.ClassDecl(classNode());
                }
                return null;
            }
            case "if" -> {
                i++;
                Expr test = parenthesised();
                Stmt then = statement();
                Stmt otherwise = null;
                if (atName("else")) {
                    i++;
                    otherwise = statement();
                }
                return new Stmt.If(test, then, otherwise);
            }
            case "for" -> {
                return forStatement();
            }
            case "while" -> {
                i++;
                Expr test = parenthesised();
                return new Stmt.Loop(null, test, null, statement());
            }
            case "do" -> {
                i++;
                Stmt body = statement();
                Expr test = null;
                if (atName("while")) {
                    i++;
                    test = parenthesised();
                }
                eat(";");
                return new Stmt.Loop(null, test, null, body);
            }
            case "return", "throw" -> {
                i++;
                Expr value = null;
                boolean operand = !at(";") && !at("}") && !atEof();
                if (operand && (!peek().newlineBefore() || t.text().equals("throw"))) {
                    value = expression();
                }
                eat(";");
                return t.text().equals("return") ? new Stmt.Return(value) : new Stmt.Throw(value);
            }
            case "try" -> {
                return tryStatement();
            }
            case "switch" -> {
                return switchStatement();
            }
            case "break", "continue" -> {
                boolean isBreak = t.text().equals("break");
                i++;
                boolean labelled = peek().kind() == Kind.NAME && !peek().newlineBefore()
                        && !NOT_LABELS.contains(peek().text());
                if (labelled) {
                    i++;
                }
                eat(";");
                // a labelled jump may leave several statements at once: only unlabelled ones are followed
                return labelled ? new Stmt.Empty() : new Stmt.Jump(isBreak);
            }
            case "debugger" -> {
                i++;
                eat(";");
                return new Stmt.Empty();
            }
            case "import" -> {
                if (next.isPunct("(") || next.isPunct(".")) {
                    return null;
                }
                return importDeclaration();
            }
            case "export" -> {
                return exportDeclaration();
            }
            case "interface" -> {
                if (next.kind() == Kind.NAME && nextOnLine) {
                    skipInterface();
                    return new Stmt.Empty();
                }
                return null;
            }
            case "type" -> {
                if (next.kind() == Kind.NAME && nextOnLine
                        && (peek(2).isPunct("=") || peek(2).isPunct("<"))) {
                    skipTypeAlias();
                    return new Stmt.Empty();
                }
                return null;
            }
            case "declare" -> {
                if (next.kind() == Kind.NAME && nextOnLine) {
                    i++;
                    if (atName("global") || ((atName("module") || atName("namespace"))
                            && (peek(1).kind() == Kind.STRING || peek(1).kind() == Kind.NAME))) {
                        skipToBlockAndOver();
                    } else {
                        statement();
                    }
                    return new Stmt.Empty();
                }
                return null;
            }
            case "enum" -> {
                if (next.kind() == Kind.NAME && nextOnLine) {
                    return enumDeclaration();
                }
                return null;
            }
            case "namespace", "module" -> {
                if ((next.kind() == Kind.NAME || next.kind() == Kind.STRING) && nextOnLine) {
                    i += 2;
                    while (at(".") && peek(1).kind() == Kind.NAME) {
                        i += 2;
                    }
                    if (at("{")) {
                        return block();
                    }
                    return new Stmt.Empty();
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private Stmt.Block block() {
        if (!at("{")) {
            Stmt s = statement();
            return new Stmt.Block(s instanceof Stmt.Empty ? List.of() : List.of(s));
        }
        int open = i;
        int close = closeOf(open);
        i++;
        List<Stmt> body = new ArrayList<>();
        while (i < close && !atEof()) {
            int before = i;
            addStatement(body);
            if (i == before) {
                i++;
            }
        }
        leaveGroup(open);
        return new Stmt.Block(body);
    }

    private Expr parenthesised() {
        if (!at("(")) {
            return new Expr.Opaque(start(), start());
        }
        int open = i;
        int close = closeOf(open);
        i++;
        Expr e = i < close ? expression() : new Expr.Opaque(start(), start());
        leaveGroup(open);
        return e;
    }

    private Stmt varDeclaration() {
        i++;
        List<Stmt.Declarator> declarators = new ArrayList<>();
        while (true) {
            Expr target = bindingTarget();
            eat("!");
            if (eat(":")) {
                type(false);
            }
            Expr init = null;
            if (eat("=")) {
                init = assignment();
            }
            declarators.add(new Stmt.Declarator(target, init));
            if (!eat(",")) {
                break;
            }
        }
        eat(";");
        return new Stmt.VarDecl(declarators);
    }

    private Expr bindingTarget() {
        Token t = peek();
        if (t.kind() == Kind.NAME || t.kind() == Kind.PRIVATE_NAME) {
            i++;
            return new Expr.Name(t.text(), t.start(), t.end());
        }
        if (t.isPunct("{")) {
            return objectLiteral();
        }
        if (t.isPunct("[")) {
            return arrayLiteral();
        }
        skipOpaque();
        return new Expr.Opaque(t.start(), lastEnd());
    }

    private Stmt forStatement() {
        i++;
        if (atName("await")) {
            i++;
        }
        if (!at("(")) {
            return new Stmt.Loop(null, null, null, statement());
        }
        int open = i;
        int close = closeOf(open);
        i++;
        Stmt init = null;
        Expr test = null;
        Expr update = null;
        Stmt loop = null;
        boolean declares = atName("var") || atName("const")
                || (atName("let") && (peek(1).kind() == Kind.NAME || peek(1).isPunct("[") || peek(1).isPunct("{")));
        if (declares) {
            int declStart = i;
            i++;
            Expr target = bindingTarget();
            if (atName("of") || atName("in")) {
                boolean keys = atName("in");
                i++;
                Expr iterable = i < close ? expression() : null;
                leaveGroup(open);
                return new Stmt.ForEach(keys, target, iterable, statement());
            }
            i = declStart;
            noIn = true;
            try {
                init = varDeclaration(); // eats the `;` after the initialiser
            } finally {
                noIn = false;
            }
        } else if (!at(";")) {
            Expr e;
            noIn = true;
            try {
                e = expression();
            } finally {
                noIn = false;
            }
            if (atName("of") || atName("in")) {
                boolean keys = atName("in");
                i++;
                Expr iterable = i < close ? expression() : null;
                leaveGroup(open);
                return new Stmt.ForEach(keys, e, iterable, statement());
            }
            init = new Stmt.ExprStmt(e);
            eat(";");
        } else {
            eat(";");
        }
        if (i < close && !at(";")) {
            test = expression();
        }
        eat(";");
        if (i < close) {
            update = expression();
        }
        leaveGroup(open);
        loop = new Stmt.Loop(init, test, update, statement());
        return loop;
    }

    private Stmt tryStatement() {
        i++;
        Stmt.Block block = block();
        Expr parameter = null;
        Stmt.Block handler = null;
        Stmt.Block finalizer = null;
        if (atName("catch")) {
            i++;
            if (at("(")) {
                int open = i;
                int close = closeOf(open);
                i++;
                parameter = bindingTarget();
                leaveGroup(open);
            }
            handler = block();
        }
        if (atName("finally")) {
            i++;
            finalizer = block();
        }
        return new Stmt.Try(block, parameter, handler, finalizer);
    }

    private Stmt switchStatement() {
        i++;
        Expr discriminant = parenthesised();
        List<Stmt.Case> cases = new ArrayList<>();
        if (at("{")) {
            int open = i;
            int close = closeOf(open);
            i++;
            Expr test = null;
            boolean isDefault = false;
            List<Stmt> body = null;
            while (i < close && !atEof()) {
                int before = i;
                if (atName("case")) {
                    if (body != null) {
                        cases.add(new Stmt.Case(test, isDefault, body));
                    }
                    i++;
                    test = expression();
                    isDefault = false;
                    body = new ArrayList<>();
                    eat(":");
                } else if (atName("default") && peek(1).isPunct(":")) {
                    if (body != null) {
                        cases.add(new Stmt.Case(test, isDefault, body));
                    }
                    i += 2;
                    test = null;
                    isDefault = true;
                    body = new ArrayList<>();
                } else {
                    if (body == null) {
                        body = new ArrayList<>(); // statements before any label: kept, never matched
                    }
                    addStatement(body);
                }
                if (i == before) {
                    i++;
                }
            }
            if (body != null) {
                cases.add(new Stmt.Case(test, isDefault, body));
            }
            leaveGroup(open);
        }
        return new Stmt.Switch(discriminant, cases);
    }

    private Stmt importDeclaration() {
        i++;
        if (peek().kind() == Kind.STRING) {
            String source = peek().text();
            i++;
            skipImportAttributes();
            eat(";");
            return new Stmt.Import(source, null, null, List.of(), false);
        }
        if (atName("type") && !peek(1).isName("from") && !peek(1).isPunct(",") && !peek(1).isPunct("=")) {
            i++; // `import type …`: the names still matter, as types of parameters
        }
        String defaultName = null;
        String namespaceName = null;
        List<Stmt.Alias> names = new ArrayList<>();
        if (peek().kind() == Kind.NAME && !atName("from")) {
            defaultName = peek().text();
            i++;
            if (at("=")) {
                i++;
                if (atName("require") && peek(1).isPunct("(") && peek(2).kind() == Kind.STRING) {
                    String source = peek(2).text();
                    i += 2;
                    skipGroupFrom(i - 1);
                    eat(";");
                    return new Stmt.Import(source, defaultName, null, List.of(), true);
                }
                Expr aliased = expression(); // `import A = B.C`: a plain alias
                eat(";");
                return new Stmt.VarDecl(List.of(new Stmt.Declarator(
                        new Expr.Name(defaultName, aliased.start(), aliased.start()), aliased)));
            }
            eat(",");
        } else if (atName("from") && peek(1).isName("from")) {
            defaultName = "from";
            i++;
        }
        if (at("*")) {
            i++;
            if (atName("as")) {
                i++;
                if (peek().kind() == Kind.NAME) {
                    namespaceName = peek().text();
                    i++;
                }
            }
        } else if (at("{")) {
            names = aliasList();
        }
        String source = null;
        if (atName("from")) {
            i++;
            if (peek().kind() == Kind.STRING) {
                source = peek().text();
                i++;
            }
        }
        skipImportAttributes();
        eat(";");
        if (source == null) {
            return new Stmt.Empty();
        }
        return new Stmt.Import(source, defaultName, namespaceName, names, false);
    }

    private void skipGroupFrom(int opener) {
        i = opener;
        skipGroup();
    }

    private void skipImportAttributes() {
        if ((atName("assert") || atName("with")) && peek(1).isPunct("{") && !peek().newlineBefore()) {
            i++;
            skipGroup();
        }
    }

    /** {@code {a, b as c, type D, default as e, 'x' as f}} under the cursor. */
    private List<Stmt.Alias> aliasList() {
        List<Stmt.Alias> names = new ArrayList<>();
        int open = i;
        int close = closeOf(open);
        i++;
        while (i < close && !atEof()) {
            int before = i;
            if (atName("type") && (peek(1).kind() == Kind.NAME || peek(1).kind() == Kind.STRING)
                    && !peek(1).isName("as")) {
                i++;
            }
            Token from = peek();
            if (from.kind() == Kind.NAME || from.kind() == Kind.STRING) {
                i++;
                String to = from.text();
                if (atName("as")) {
                    i++;
                    if (peek().kind() == Kind.NAME || peek().kind() == Kind.STRING) {
                        to = peek().text();
                        i++;
                    }
                }
                names.add(new Stmt.Alias(from.text(), to));
            }
            if (!eat(",") && i == before) {
                i++;
            }
        }
        leaveGroup(open);
        return names;
    }

    private Stmt exportDeclaration() {
        i++;
        if (atName("default")) {
            i++;
            Token t = peek();
            boolean asyncFunction = t.isName("async") && peek(1).isName("function") && !peek(1).newlineBefore();
            if (t.isName("function") || asyncFunction) {
                if (asyncFunction) {
                    i++;
                }
                FunctionNode fn = function(t.start());
                eat(";");
                return fn.name() != null ? new Stmt.ExportDefault(null, new Stmt.FunctionDecl(fn))
                        : new Stmt.ExportDefault(new Expr.FunctionExpr(fn), null);
            }
            if (at("@")) {
                skipDecorators();
                t = peek();
            }
            if (t.isName("class") || (t.isName("abstract") && peek(1).isName("class"))) {
                if (t.isName("abstract")) {
                    i++;
                }
                ClassNode cls = classNode();
                return cls.name() != null ? new Stmt.ExportDefault(null, new Stmt.ClassDecl(cls))
                        : new Stmt.ExportDefault(new Expr.ClassExpr(cls), null);
            }
            if (t.isName("interface")) {
                skipInterface();
                return new Stmt.Empty();
            }
            Expr value = assignment();
            eat(";");
            return new Stmt.ExportDefault(value, null);
        }
        if (at("=")) {
            i++;
            Expr value = expression();
            eat(";");
            return new Stmt.ExportAssign(value);
        }
        if (at("*")) {
            i++;
            String alias = null;
            if (atName("as")) {
                i++;
                if (peek().kind() == Kind.NAME || peek().kind() == Kind.STRING) {
                    alias = peek().text();
                    i++;
                }
            }
            String source = null;
            if (atName("from")) {
                i++;
                if (peek().kind() == Kind.STRING) {
                    source = peek().text();
                    i++;
                }
            }
            skipImportAttributes();
            eat(";");
            return source == null ? new Stmt.Empty() : new Stmt.ExportAll(source, alias);
        }
        if (atName("type") && peek(1).isPunct("{")) {
            i++;
        }
        if (at("{")) {
            List<Stmt.Alias> names = aliasList();
            String source = null;
            if (atName("from")) {
                i++;
                if (peek().kind() == Kind.STRING) {
                    source = peek().text();
                    i++;
                }
            }
            skipImportAttributes();
            eat(";");
            return new Stmt.ExportNames(names, source);
        }
        if (atName("as") && peek(1).isName("namespace")) {
            i += 2;
            if (peek().kind() == Kind.NAME) {
                i++;
            }
            eat(";");
            return new Stmt.Empty();
        }
        if (atName("import")) {
            // `export import A = B.C;`
            Stmt s = importDeclaration();
            return s;
        }
        Stmt declaration = statement();
        if (declaration instanceof Stmt.Empty || declaration instanceof Stmt.ExprStmt) {
            return declaration;
        }
        return new Stmt.ExportDecl(declaration);
    }

    private Stmt enumDeclaration() {
        i++;
        String name = peek().kind() == Kind.NAME ? peek().text() : null;
        if (name != null) {
            i++;
        }
        List<String> members = new ArrayList<>();
        List<Expr> initialisers = new ArrayList<>();
        if (at("{")) {
            int open = i;
            int close = closeOf(open);
            i++;
            while (i < close && !atEof()) {
                int before = i;
                Token t = peek();
                if (t.kind() == Kind.NAME || t.kind() == Kind.STRING) {
                    i++;
                    Expr init = null;
                    if (eat("=")) {
                        init = assignment();
                    }
                    members.add(t.text());
                    initialisers.add(init);
                }
                if (!eat(",") && i == before) {
                    i++;
                }
            }
            leaveGroup(open);
        }
        return name == null ? new Stmt.Empty() : new Stmt.EnumDecl(name, members, initialisers);
    }

    private void skipInterface() {
        i++;
        while (!atEof() && !at("{") && !at(";")) {
            if (at("(") || at("[")) {
                skipGroup();
            } else if (at("<")) {
                int save = i;
                if (!skipAngles()) {
                    i = save + 1;
                }
            } else {
                i++;
            }
        }
        if (at("{")) {
            skipGroup();
        }
    }

    private void skipTypeAlias() {
        i += 2;
        if (at("<")) {
            int save = i;
            if (!skipAngles()) {
                i = save + 1;
            }
        }
        if (eat("=")) {
            type(false);
        }
        eat(";");
    }

    private void skipToBlockAndOver() {
        while (!atEof() && !at("{") && !at(";") && !(peek().newlineBefore() && i > 0 && !at("."))) {
            i++;
        }
        if (at("{")) {
            skipGroup();
        }
        eat(";");
    }

    private void skipDecorators() {
        while (at("@")) {
            i++;
            if (peek().kind() == Kind.NAME) {
                i++;
                while (at(".") && peek(1).kind() == Kind.NAME) {
                    i += 2;
                }
            } else if (at("(")) {
                skipGroup();
            }
            if (at("<")) {
                int save = i;
                if (!skipAngles()) {
                    i = save;
                }
            }
            if (at("(")) {
                skipGroup();
            }
        }
    }

    /** Consumes one token, or a whole group when the cursor is on an opener. */
    private void skipOpaque() {
        if (atEof()) {
            return;
        }
        Token t = peek();
        if (closes(t) != 0 && opens(t) == 0) {
            return; // a closer belongs to whoever opened it
        }
        if (opens(t) != 0 && match[i] > i) {
            i = match[i] + 1;
            if (tokens.get(i - 1).kind() == Kind.TEMPLATE_MIDDLE) {
                // a substitution skipped from its head: finish the whole template literal
                while (i - 1 < eof && tokens.get(i - 1).kind() == Kind.TEMPLATE_MIDDLE && match[i - 1] > 0) {
                    i = match[i - 1] + 1;
                }
            }
            i = Math.min(i, eof);
        } else {
            i++;
        }
    }

    // ---- functions and classes

    /** A {@code function} declaration or expression; the cursor is on {@code function}. */
    private FunctionNode function(int start) {
        i++;
        eat("*");
        String name = null;
        if (peek().kind() == Kind.NAME && !at("(")) {
            name = peek().text();
            i++;
        }
        if (at("<")) {
            skipTypeParameters();
        }
        List<FunctionNode.Param> params = parameters();
        if (eat(":")) {
            type(false);
        }
        Stmt.Block body = null;
        if (at("{")) {
            body = block();
        } else {
            eat(";");
        }
        return new FunctionNode(name, params, body, null, false, start, lastEnd());
    }

    private void skipTypeParameters() {
        int save = i;
        if (!skipAngles()) {
            i = save + 1;
        }
    }

    private List<FunctionNode.Param> parameters() {
        List<FunctionNode.Param> params = new ArrayList<>();
        if (!at("(")) {
            return params;
        }
        int open = i;
        int close = closeOf(open);
        i++;
        while (i < close && !atEof()) {
            int before = i;
            params.add(parameter());
            if (!eat(",") && i == before) {
                i++;
            }
            if (i > close) {
                break;
            }
        }
        leaveGroup(open);
        return params;
    }

    private FunctionNode.Param parameter() {
        skipDecorators();
        boolean property = false;
        while (peek().kind() == Kind.NAME && PARAMETER_MODIFIERS.contains(peek().text())
                && (peek(1).kind() == Kind.NAME || peek(1).isPunct("{") || peek(1).isPunct("["))) {
            property = true;
            i++;
        }
        boolean rest = eat("...");
        Expr target = bindingTarget();
        eat("?");
        String type = null;
        if (eat(":")) {
            type = type(false);
        }
        Expr defaultValue = null;
        if (eat("=")) {
            defaultValue = assignment();
        }
        return new FunctionNode.Param(target, defaultValue, rest, type, property);
    }

    private ClassNode classNode() {
        int start = start();
        i++;
        String name = null;
        if (peek().kind() == Kind.NAME && !atName("extends") && !atName("implements")) {
            name = peek().text();
            i++;
        }
        if (at("<")) {
            skipTypeParameters();
        }
        Expr superClass = null;
        if (atName("extends")) {
            i++;
            superClass = leftHandSide();
            if (at("<")) {
                skipTypeParameters();
            }
        }
        if (atName("implements")) {
            i++;
            while (!atEof() && !at("{")) {
                int before = i;
                type(false);
                if (!eat(",") && i == before) {
                    i++;
                }
            }
        }
        List<ClassNode.Member> members = new ArrayList<>();
        if (at("{")) {
            int open = i;
            int close = closeOf(open);
            i++;
            while (i < close && !atEof()) {
                int before = i;
                ClassNode.Member member = classMember();
                if (member != null) {
                    members.add(member);
                }
                if (i == before) {
                    i++;
                }
            }
            leaveGroup(open);
        }
        return new ClassNode(name, superClass, members, start, lastEnd());
    }

    private ClassNode.Member classMember() {
        if (eat(";")) {
            return null;
        }
        skipDecorators();
        int start = start();
        if (atName("static") && peek(1).isPunct("{")) {
            i++;
            return new ClassNode.Member(ClassNode.MemberKind.STATIC_BLOCK, null, true, null, null, block());
        }
        boolean isStatic = false;
        boolean accessor = false;
        while (peek().kind() == Kind.NAME && MEMBER_MODIFIERS.contains(peek().text()) && startsMemberName(peek(1))) {
            String modifier = peek().text();
            if (modifier.equals("static")) {
                isStatic = true;
            } else if (modifier.equals("get") || modifier.equals("set")) {
                accessor = true;
            }
            i++;
        }
        eat("*");
        String name = null;
        Token t = peek();
        if (t.kind() == Kind.NAME || t.kind() == Kind.STRING || t.kind() == Kind.NUMBER
                || t.kind() == Kind.PRIVATE_NAME) {
            name = t.text();
            i++;
        } else if (t.isPunct("[")) {
            int open = i;
            int close = closeOf(open);
            if (peek(1).kind() == Kind.NAME && peek(2).isPunct(":")) {
                // an index signature `[key: string]: T;`
                skipGroup();
                if (eat(":")) {
                    type(false);
                }
                eat(";");
                return null;
            }
            skipGroup();
            if (close >= eof) {
                return null;
            }
        } else {
            skipOpaque();
            return null;
        }
        eat("?");
        eat("!");
        if (at("<")) {
            skipTypeParameters();
        }
        if (at("(")) {
            List<FunctionNode.Param> params = parameters();
            if (eat(":")) {
                type(false);
            }
            Stmt.Block body = null;
            if (at("{")) {
                body = block();
            } else {
                eat(";");
            }
            FunctionNode fn = new FunctionNode(name, params, body, null, false, start, lastEnd());
            ClassNode.MemberKind kind = "constructor".equals(name) && !isStatic ? ClassNode.MemberKind.CONSTRUCTOR
                    : accessor ? ClassNode.MemberKind.ACCESSOR : ClassNode.MemberKind.METHOD;
            return new ClassNode.Member(kind, name, isStatic, null, fn, null);
        }
        if (eat(":")) {
            type(false);
        }
        Expr value = null;
        if (eat("=")) {
            value = assignment();
        }
        eat(";");
        return new ClassNode.Member(ClassNode.MemberKind.FIELD, name, isStatic, value, null, null);
    }

    private static boolean startsMemberName(Token t) {
        return (t.kind() == Kind.NAME || t.kind() == Kind.STRING || t.kind() == Kind.NUMBER
                || t.kind() == Kind.PRIVATE_NAME || t.isPunct("[") || t.isPunct("*"))
                && !t.newlineBefore();
    }

    // ---- expressions

    private Expr expression() {
        int start = start();
        Expr first = assignment();
        if (!at(",")) {
            return first;
        }
        List<Expr> all = new ArrayList<>();
        all.add(first);
        while (eat(",")) {
            int before = i;
            all.add(assignment());
            if (i == before) {
                break;
            }
        }
        return new Expr.Sequence(all, start, lastEnd());
    }

    private Expr assignment() {
        if (nesting > MAX_NESTING) {
            int start = start();
            skipOpaque();
            return new Expr.Opaque(start, lastEnd());
        }
        nesting++;
        try {
            return assignmentUnguarded();
        } finally {
            nesting--;
        }
    }

    private Expr assignmentUnguarded() {
        int start = start();
        Expr arrow = arrowFunction();
        if (arrow != null) {
            return arrow;
        }
        if (atName("yield") && !endsExpression(peek(1))) {
            i++;
            eat("*");
            if (peek().newlineBefore() || at(")") || at("]") || at("}") || at(",") || at(";")) {
                return new Expr.Unary("yield", null, start, lastEnd());
            }
            Expr operand = assignment();
            return new Expr.Unary("yield", operand, start, lastEnd());
        }
        Expr left = conditional();
        Token t = peek();
        if (t.kind() == Kind.PUNCT && ASSIGNMENT_OPERATORS.contains(t.text())) {
            i++;
            Expr value = assignment();
            return new Expr.Assign(t.text(), left, value, start, lastEnd());
        }
        return left;
    }

    /** An arrow function starting at the cursor, or null (cursor unchanged) if there is none. */
    private Expr arrowFunction() {
        Token t = peek();
        int start = t.start();
        int j = i;
        if (t.isName("async") && !peek(1).newlineBefore()
                && (peek(1).kind() == Kind.NAME || peek(1).isPunct("(") || peek(1).isPunct("<"))) {
            j = i + 1;
        }
        Token first = tokens.get(j);
        List<FunctionNode.Param> params;
        if (first.kind() == Kind.NAME && tokens.get(Math.min(j + 1, eof)).isPunct("=>")) {
            i = j + 1;
            params = List.of(new FunctionNode.Param(new Expr.Name(first.text(), first.start(), first.end()), null,
                    false, null, false));
        } else if (first.isPunct("(") || (first.isPunct("<") && dialect.generics)) {
            int save = i;
            i = j;
            if (at("<") && !skipAngles()) {
                i = save;
                return null;
            }
            if (!at("(") || !isArrowAfterParameters()) {
                i = save;
                return null;
            }
            params = parameters();
            if (eat(":")) {
                type(true);
            }
        } else {
            return null;
        }
        if (!eat("=>")) {
            return new Expr.Opaque(start, lastEnd());
        }
        Stmt.Block body = null;
        Expr expressionBody = null;
        if (at("{")) {
            body = block();
        } else {
            expressionBody = assignment();
        }
        return new Expr.FunctionExpr(new FunctionNode(null, params, body, expressionBody, true, start, lastEnd()));
    }

    /** With the cursor on {@code (}: whether the group is an arrow function's parameter list. */
    private boolean isArrowAfterParameters() {
        int close = match[i];
        if (close < 0) {
            return false;
        }
        Token after = tokens.get(Math.min(close + 1, eof));
        if (after.isPunct("=>")) {
            return !after.newlineBefore();
        }
        if (!after.isPunct(":")) {
            return false;
        }
        int save = i;
        i = close + 2;
        type(true);
        boolean arrow = at("=>");
        i = save;
        return arrow;
    }

    private Expr conditional() {
        int start = start();
        Expr test = binary(0);
        if (!at("?")) {
            return test;
        }
        i++;
        boolean outerNoIn = noIn;
        noIn = false;
        Expr then = assignment();
        noIn = outerNoIn;
        eat(":");
        Expr otherwise = assignment();
        return new Expr.Conditional(test, then, otherwise, start, lastEnd());
    }

    private static boolean endsExpression(Token t) {
        return t.kind() == Kind.EOF || (t.kind() == Kind.PUNCT && EXPRESSION_ENDS.contains(t.text()));
    }

    private static int precedence(Token t, boolean noIn) {
        if (t.kind() == Kind.NAME) {
            return switch (t.text()) {
                case "instanceof" -> 8;
                case "in" -> noIn ? -1 : 8;
                default -> -1;
            };
        }
        if (t.kind() != Kind.PUNCT) {
            return -1;
        }
        return switch (t.text()) {
            case "??", "||" -> 2;
            case "&&" -> 3;
            case "|" -> 4;
            case "^" -> 5;
            case "&" -> 6;
            case "==", "!=", "===", "!==" -> 7;
            case "<", ">", "<=", ">=" -> 8;
            case "<<", ">>", ">>>" -> 9;
            case "+", "-" -> 10;
            case "*", "/", "%" -> 11;
            case "**" -> 12;
            default -> -1;
        };
    }

    private Expr binary(int minPrecedence) {
        int start = start();
        Expr left = unary();
        while (true) {
            Token t = peek();
            if ((t.isName("as") || t.isName("satisfies")) && !t.newlineBefore() && minPrecedence <= 8) {
                i++;
                type(false);
                continue;
            }
            int p = precedence(t, noIn);
            if (p < 0 || p < minPrecedence) {
                return left;
            }
            i++;
            Expr right = binary(p == 12 ? p : p + 1);
            left = new Expr.Binary(t.text(), left, right, start, lastEnd());
        }
    }

    private Expr unary() {
        Token t = peek();
        int start = t.start();
        boolean prefix = (t.kind() == Kind.PUNCT && PREFIX_OPERATORS.contains(t.text()))
                || (t.kind() == Kind.NAME && PREFIX_KEYWORDS.contains(t.text()) && !endsExpression(peek(1))
                        && !(peek(1).kind() == Kind.PUNCT && precedence(peek(1), false) > 0
                                && !PREFIX_OPERATORS.contains(peek(1).text())));
        if (prefix) {
            i++;
            Expr operand = unary();
            return new Expr.Unary(t.text(), operand, start, lastEnd());
        }
        if (t.isPunct("<") && dialect.typeAssertions) {
            int save = i;
            if (skipAngles() && !atEof()) {
                return unary();
            }
            i = save;
        }
        Expr e = leftHandSide();
        Token after = peek();
        if ((after.isPunct("++") || after.isPunct("--")) && !after.newlineBefore()) {
            i++;
            return new Expr.Unary(after.text(), e, start, lastEnd());
        }
        return e;
    }

    private Expr leftHandSide() {
        int start = start();
        Expr e = atName("new") ? newExpression() : primary();
        while (true) {
            Token t = peek();
            if (t.isPunct(".") || t.isPunct("?.")) {
                i++;
                Token name = peek();
                if (name.kind() == Kind.NAME || name.kind() == Kind.PRIVATE_NAME) {
                    i++;
                    e = new Expr.Member(e, name.text(), null, name.start(), start, name.end());
                } else if (t.isPunct("?.") && at("(")) {
                    e = new Expr.Call(e, arguments(), start, lastEnd());
                } else if (t.isPunct("?.") && at("[")) {
                    e = computedMember(e, start);
                } else {
                    return e;
                }
            } else if (t.isPunct("[")) {
                e = computedMember(e, start);
            } else if (t.isPunct("(")) {
                e = new Expr.Call(e, arguments(), start, lastEnd());
            } else if (t.kind() == Kind.TEMPLATE || t.kind() == Kind.TEMPLATE_HEAD) {
                Expr.TemplateLit template = template();
                e = new Expr.TaggedTemplate(e, template, start, lastEnd());
            } else if (t.isPunct("!") && !t.newlineBefore()) {
                i++; // TypeScript non-null assertion
            } else if (t.isPunct("<") && dialect.generics && !t.newlineBefore()) {
                int save = i;
                if (skipAngles() && (at("(") || peek().kind() == Kind.TEMPLATE || peek().kind() == Kind.TEMPLATE_HEAD
                        || at("."))) {
                    continue;
                }
                i = save;
                return e;
            } else {
                return e;
            }
        }
    }

    private Expr computedMember(Expr object, int start) {
        Token bracket = peek();
        int open = i;
        int close = closeOf(open);
        i++;
        Expr key = i < close ? expression() : new Expr.Opaque(bracket.start(), bracket.end());
        leaveGroup(open);
        return new Expr.Member(object, null, key, bracket.start(), start, lastEnd());
    }

    private Expr newExpression() {
        int start = start();
        i++;
        if (at(".")) {
            i += 2; // new.target
            return new Expr.Opaque(start, lastEnd());
        }
        Expr callee = atName("new") ? newExpression() : primary();
        while (true) {
            if (at(".") && (peek(1).kind() == Kind.NAME || peek(1).kind() == Kind.PRIVATE_NAME)) {
                Token name = peek(1);
                i += 2;
                callee = new Expr.Member(callee, name.text(), null, name.start(), start, name.end());
            } else if (at("[")) {
                callee = computedMember(callee, start);
            } else {
                break;
            }
        }
        if (at("<") && dialect.generics) {
            int save = i;
            if (!skipAngles()) {
                i = save;
            }
        }
        List<Expr> args = at("(") ? arguments() : List.of();
        return new Expr.New(callee, args, start, lastEnd());
    }

    private List<Expr> arguments() {
        List<Expr> args = new ArrayList<>();
        int open = i;
        int close = closeOf(open);
        i++;
        while (i < close && !atEof()) {
            int before = i;
            if (at("...")) {
                int start = start();
                i++;
                Expr argument = assignment();
                args.add(new Expr.Spread(argument, start, lastEnd()));
            } else {
                args.add(assignment());
            }
            if (!eat(",")) {
                if (i == before) {
                    i++;
                }
                if (i < close) {
                    // garbage inside the call: drop the rest of the group
                    break;
                }
            }
        }
        leaveGroup(open);
        return args;
    }

    private Expr primary() {
        Token t = peek();
        int start = t.start();
        switch (t.kind()) {
            case NAME -> {
                switch (t.text()) {
                    case "this" -> {
                        i++;
                        return new Expr.This(start, t.end());
                    }
                    case "super" -> {
                        i++;
                        return new Expr.Super(start, t.end());
                    }
                    case "null", "true", "false", "undefined" -> {
                        i++;
                        return new Expr.Constant(t.text(), start, t.end());
                    }
                    case "function" -> {
                        return new Expr.FunctionExpr(function(start));
                    }
                    case "async" -> {
                        if (peek(1).isName("function") && !peek(1).newlineBefore()) {
                            i++;
                            return new Expr.FunctionExpr(function(start));
                        }
                    }
                    case "class" -> {
                        return new Expr.ClassExpr(classNode());
                    }
                    default -> {
                        // a plain name below
                    }
                }
                i++;
                return new Expr.Name(t.text(), start, t.end());
            }
            case PRIVATE_NAME -> {
                i++;
                return new Expr.Name(t.text(), start, t.end());
            }
            case NUMBER -> {
                i++;
                return new Expr.Constant(t.text(), start, t.end());
            }
            case STRING -> {
                i++;
                return new Expr.StringLit(t.text(), start, t.end());
            }
            case TEMPLATE, TEMPLATE_HEAD -> {
                return template();
            }
            case REGEX -> {
                i++;
                return new Expr.RegexLit(t.text(), start, t.end());
            }
            case JSX -> {
                i++;
                return new Expr.Opaque(start, t.end());
            }
            case PUNCT -> {
                switch (t.text()) {
                    case "(" -> {
                        int open = i;
                        int close = closeOf(open);
                        i++;
                        Expr inner = i < close ? expression() : new Expr.Opaque(start, start);
                        leaveGroup(open);
                        return inner;
                    }
                    case "[" -> {
                        return arrayLiteral();
                    }
                    case "{" -> {
                        return objectLiteral();
                    }
                    case "@" -> {
                        skipDecorators();
                        if (atName("class")) {
                            return new Expr.ClassExpr(classNode());
                        }
                        return new Expr.Opaque(start, lastEnd());
                    }
                    default -> {
                        skipOpaque();
                        return new Expr.Opaque(start, Math.max(start, lastEnd()));
                    }
                }
            }
            default -> {
                skipOpaque();
                return new Expr.Opaque(start, Math.max(start, lastEnd()));
            }
        }
    }

    private Expr.TemplateLit template() {
        Token head = peek();
        int start = head.start();
        List<String> quasis = new ArrayList<>();
        List<Expr> exprs = new ArrayList<>();
        quasis.add(head.text());
        i++;
        if (head.kind() == Kind.TEMPLATE) {
            return new Expr.TemplateLit(quasis, exprs, start, head.end());
        }
        int part = i - 1;
        while (true) {
            int close = match[part];
            if (close < 0) {
                // an unterminated template: nothing after it can be trusted
                i = eof;
                exprs.add(new Expr.Opaque(start, start));
                quasis.add("");
                return new Expr.TemplateLit(quasis, exprs, start, lastEnd());
            }
            exprs.add(i < close ? expression() : new Expr.Opaque(tokens.get(part).end(), tokens.get(part).end()));
            i = close;
            Token t = tokens.get(close);
            quasis.add(t.text());
            i++;
            if (t.kind() == Kind.TEMPLATE_TAIL) {
                return new Expr.TemplateLit(quasis, exprs, start, t.end());
            }
            part = close;
        }
    }

    private Expr arrayLiteral() {
        int start = start();
        int open = i;
        int close = closeOf(open);
        i++;
        List<Expr> elements = new ArrayList<>();
        while (i < close && !atEof()) {
            int before = i;
            if (at(",")) {
                i++;
                elements.add(null);
                continue;
            }
            if (at("...")) {
                int spreadStart = start();
                i++;
                elements.add(new Expr.Spread(assignment(), spreadStart, lastEnd()));
            } else {
                elements.add(assignment());
            }
            if (!eat(",")) {
                if (i == before) {
                    i++;
                }
                if (i < close) {
                    break;
                }
            }
        }
        leaveGroup(open);
        return new Expr.ArrayLit(elements, start, lastEnd());
    }

    private Expr objectLiteral() {
        int start = start();
        int open = i;
        int close = closeOf(open);
        i++;
        List<Expr.Property> properties = new ArrayList<>();
        while (i < close && !atEof()) {
            int before = i;
            Expr.Property p = property();
            if (p != null) {
                properties.add(p);
            }
            if (!eat(",")) {
                if (i == before) {
                    i++;
                }
                if (i < close) {
                    break;
                }
            }
        }
        leaveGroup(open);
        return new Expr.ObjectLit(properties, start, lastEnd());
    }

    private Expr.Property property() {
        if (at("...")) {
            i++;
            return new Expr.Property(Expr.Property.Kind.SPREAD, null, null, assignment());
        }
        int start = start();
        boolean accessor = false;
        while (peek().kind() == Kind.NAME
                && (atName("async") || atName("get") || atName("set"))
                && startsMemberName(peek(1)) && !peek(1).isPunct("{")) {
            accessor |= !atName("async");
            i++;
        }
        eat("*");
        Token t = peek();
        String key = null;
        Expr computedKey = null;
        if (t.kind() == Kind.NAME || t.kind() == Kind.STRING || t.kind() == Kind.NUMBER
                || t.kind() == Kind.PRIVATE_NAME) {
            key = t.text();
            i++;
        } else if (t.isPunct("[")) {
            int open = i;
            int close = closeOf(open);
            i++;
            computedKey = i < close ? expression() : new Expr.Opaque(start, start);
            leaveGroup(open);
        } else {
            return null;
        }
        if (at("(") || at("<")) {
            if (at("<")) {
                skipTypeParameters();
            }
            List<FunctionNode.Param> params = parameters();
            if (eat(":")) {
                type(false);
            }
            Stmt.Block body = at("{") ? block() : null;
            FunctionNode fn = new FunctionNode(key, params, body, null, false, start, lastEnd());
            return new Expr.Property(accessor ? Expr.Property.Kind.ACCESSOR : Expr.Property.Kind.METHOD, key,
                    computedKey, new Expr.FunctionExpr(fn));
        }
        if (eat(":")) {
            return new Expr.Property(Expr.Property.Kind.INIT, key, computedKey, assignment());
        }
        if (key == null || t.kind() != Kind.NAME) {
            return null;
        }
        Expr name = new Expr.Name(key, t.start(), t.end());
        if (at("=")) {
            i++;
            Expr defaultValue = assignment();
            return new Expr.Property(Expr.Property.Kind.SHORTHAND, key, null,
                    new Expr.Assign("=", name, defaultValue, t.start(), lastEnd()));
        }
        return new Expr.Property(Expr.Property.Kind.SHORTHAND, key, null, name);
    }

    // ---- TypeScript types: scanned over

    /**
     * Moves over a type, returning its dotted name when it is a plain reference ({@code Router},
     * {@code express.Application}), otherwise null.
     *
     * @param arrowReturn the type is an arrow function's return type, ended by {@code =>}
     */
    private String type(boolean arrowReturn) {
        if (nesting > MAX_NESTING) {
            skipOpaque();
            return null;
        }
        nesting++;
        try {
            if (at("|") || at("&")) {
                i++;
            }
            String name = typeOperand(arrowReturn);
            boolean simple = true;
            while ((at("|") || at("&")) && !atEof()) {
                i++;
                typeOperand(arrowReturn);
                simple = false;
            }
            if (atName("extends") && !peek().newlineBefore() && !arrowReturn) {
                i++;
                typeOperand(false);
                if (eat("?")) {
                    type(false);
                    eat(":");
                    type(false);
                }
                simple = false;
            }
            return simple ? name : null;
        } finally {
            nesting--;
        }
    }

    private String typeOperand(boolean arrowReturn) {
        while (peek().kind() == Kind.NAME
                && (atName("keyof") || atName("readonly") || atName("unique") || atName("infer") || atName("asserts")
                        || atName("abstract"))
                && (peek(1).kind() == Kind.NAME || peek(1).isPunct("(") || peek(1).isPunct("[")
                        || peek(1).isPunct("{"))) {
            i++;
        }
        String name = null;
        Token t = peek();
        if (t.isName("typeof")) {
            i++;
            while (peek().kind() == Kind.NAME) {
                i++;
                if (at("(")) {
                    skipGroup(); // typeof import('./x')
                }
                if (!eat(".")) {
                    break;
                }
            }
        } else if (t.isName("new")) {
            i++;
            if (at("<")) {
                skipTypeParameters();
            }
            if (at("(")) {
                skipGroup();
            }
            if (eat("=>")) {
                type(arrowReturn);
            }
        } else if (t.isPunct("(")) {
            skipGroup();
            if (!arrowReturn && eat("=>")) {
                type(false);
            }
        } else if (t.isPunct("<")) {
            skipTypeParameters();
            if (at("(")) {
                skipGroup();
            }
            if (eat("=>")) {
                type(arrowReturn);
            }
        } else if (t.isPunct("[") || t.isPunct("{")) {
            skipGroup();
        } else if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER || t.kind() == Kind.TEMPLATE) {
            i++;
        } else if (t.kind() == Kind.TEMPLATE_HEAD) {
            int part = i;
            while (match[part] > 0 && tokens.get(match[part]).kind() == Kind.TEMPLATE_MIDDLE) {
                part = match[part];
            }
            i = match[part] > 0 ? match[part] + 1 : eof;
        } else if (t.isPunct("-") && peek(1).kind() == Kind.NUMBER) {
            i += 2;
        } else if (t.isName("import") && peek(1).isPunct("(")) {
            i++;
            skipGroup();
            while (at(".") && peek(1).kind() == Kind.NAME) {
                i += 2;
            }
        } else if (t.kind() == Kind.NAME) {
            StringBuilder dotted = new StringBuilder(t.text());
            i++;
            while (at(".") && peek(1).kind() == Kind.NAME) {
                dotted.append('.').append(peek(1).text());
                i += 2;
            }
            name = dotted.toString();
            if (at("<") && !peek().newlineBefore()) {
                int save = i;
                if (skipAngles()) {
                    name = null;
                } else {
                    i = save;
                }
            }
            if (atName("is") && !peek().newlineBefore()) {
                i++;
                type(arrowReturn);
                name = null;
            }
        } else {
            return null;
        }
        while (at("[") && !peek().newlineBefore()) {
            skipGroup();
            name = null;
        }
        return name;
    }

    /**
     * Moves over {@code <…>} under the cursor, returning false (cursor somewhere inside) when the
     * tokens cannot be type arguments; callers restore the cursor then.
     */
    private boolean skipAngles() {
        int depth = 0;
        int limit = i + MAX_ANGLE_TOKENS;
        while (i < limit && !atEof()) {
            Token t = peek();
            if (t.kind() == Kind.PUNCT) {
                switch (t.text()) {
                    case "<" -> depth++;
                    case ">" -> depth--;
                    case ">>" -> depth -= 2;
                    case ">>>" -> depth -= 3;
                    case "(", "[", "{" -> {
                        if (match[i] < 0) {
                            return false;
                        }
                        i = match[i];
                    }
                    case ",", ".", "|", "&", "?", ":", "=", "=>", "-", "*", "...", "[]" -> {
                        // part of a type
                    }
                    default -> {
                        return false;
                    }
                }
                i++;
                if (depth <= 0) {
                    return depth == 0;
                }
            } else if (t.kind() == Kind.NAME || t.kind() == Kind.STRING || t.kind() == Kind.NUMBER
                    || t.kind() == Kind.TEMPLATE) {
                i++;
            } else {
                return false;
            }
        }
        return false;
    }
}
