package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads the declaration skeleton of a Java or Kotlin file from its tokens: package, imports,
 * types with their annotations, supertypes, fields and methods. Method bodies and initializers
 * are skipped with a precomputed bracket table, so a file is read in linear time. Whatever it
 * does not understand it steps over one token or one bracketed group at a time: broken source
 * yields fewer declarations, never an exception or a loop.
 */
final class SourceParser {

    /** Types nested deeper than this keep their name and lose their body: no real code gets close. */
    private static final int MAX_TYPE_NESTING = 48;

    private static final Set<String> JAVA_MODIFIERS = Set.of("public", "protected", "private", "static", "final",
            "abstract", "default", "synchronized", "native", "transient", "volatile", "strictfp", "sealed");
    private static final Set<String> KOTLIN_MODIFIERS = Set.of("public", "protected", "private", "internal", "open",
            "final", "abstract", "override", "sealed", "data", "inner", "enum", "annotation", "companion", "const",
            "lateinit", "suspend", "inline", "noinline", "crossinline", "tailrec", "operator", "infix", "external",
            "actual", "expect", "value", "vararg", "reified");
    private static final Set<String> KOTLIN_USE_SITES = Set.of("file", "field", "property", "get", "set", "receiver",
            "param", "setparam", "delegate");
    /**
     * Symbols that cannot end a Kotlin expression, so a line ending in one goes on. Not {@code !}
     * ({@code x!!}), {@code ?} ({@code as Foo?}) or {@code >} ({@code as List<T>}): those end lines.
     */
    private static final Set<String> KOTLIN_CONTINUING_SYMBOLS = Set.of("+", "-", "*", "/", "%", "=", "&", "|", "^",
            ".", ",", ":", "->", "::");

    private final List<Token> t;
    private final int n;
    private final int[] match;
    private final boolean kotlin;
    private final String source;
    /** Index after the annotation last read by {@link #annotation(int)}. */
    private int afterAnnotation;

    private SourceParser(List<Token> tokens, Dialect dialect, String source) {
        this.t = tokens;
        this.n = tokens.size();
        this.match = brackets(tokens);
        this.kotlin = dialect == Dialect.KOTLIN;
        this.source = source;
    }

    static ParsedFile parse(String path, String source) {
        Dialect dialect = Dialect.of(path);
        return new SourceParser(JvmLexer.lex(source, dialect), dialect, source).file(path, dialect);
    }

    private ParsedFile file(String path, Dialect dialect) {
        int i = 0;
        String packageName = "";
        List<ImportDecl> imports = new ArrayList<>();
        while (i < n) {
            int j = i;
            while (j < n && t.get(j).isSymbol("@")) {
                annotation(j);
                j = Math.max(afterAnnotation, j + 1);
            }
            if (j < n && t.get(j).isWord("package")) {
                StringBuilder name = new StringBuilder();
                i = dottedName(j + 1, name);
                packageName = name.toString();
            } else if (j < n && t.get(j).isWord("import")) {
                i = importDecl(j + 1, imports);
            } else if (j < n && t.get(j).isSymbol(";")) {
                i = j + 1;
            } else {
                break;
            }
        }
        Members top = members(i, n, false, 0);
        return new ParsedFile(path, dialect, source, packageName, List.copyOf(imports), List.copyOf(top.types),
                kotlin ? List.copyOf(top.fields) : List.of());
    }

    private int importDecl(int i, List<ImportDecl> imports) {
        boolean isStatic = false;
        if (!kotlin && i < n && t.get(i).isWord("static")) {
            isStatic = true;
            i++;
        }
        if (i >= n || !t.get(i).isIdent()) {
            return i;
        }
        int line = t.get(i).line();
        StringBuilder name = new StringBuilder(t.get(i).text());
        boolean wildcard = false;
        i++;
        while (i + 1 < n && t.get(i).isSymbol(".")) {
            Token next = t.get(i + 1);
            if (next.isSymbol("*")) {
                wildcard = true;
                i += 2;
                break;
            }
            if (!next.isIdent()) {
                break;
            }
            name.append('.').append(next.text());
            i += 2;
        }
        String alias = null;
        if (kotlin && i + 1 < n && t.get(i).isWord("as") && t.get(i).line() == line && t.get(i + 1).isIdent()) {
            alias = t.get(i + 1).text();
            i += 2;
        }
        if (i < n && t.get(i).isSymbol(";")) {
            i++;
        }
        imports.add(new ImportDecl(name.toString(), isStatic, wildcard, alias));
        return i;
    }

    private int dottedName(int i, StringBuilder name) {
        if (i < n && t.get(i).isIdent()) {
            name.append(t.get(i).text());
            i++;
            while (i + 1 < n && t.get(i).isSymbol(".") && t.get(i + 1).isIdent()) {
                name.append('.').append(t.get(i + 1).text());
                i += 2;
            }
        }
        if (i < n && t.get(i).isSymbol(";")) {
            i++;
        }
        return i;
    }

    // ---------------------------------------------------------------- members

    private static final class Members {
        final List<TypeDecl> types = new ArrayList<>();
        final List<FieldDecl> fields = new ArrayList<>();
        final List<MethodDecl> methods = new ArrayList<>();
    }

    private Members members(int from, int to, boolean enumBody, int depth) {
        Members members = new Members();
        if (depth > MAX_TYPE_NESTING) {
            return members;
        }
        int i = enumBody ? skipEnumConstants(from, to) : from;
        while (i < to) {
            int start = i;
            i = kotlin ? kotlinMember(i, to, depth, members) : javaMember(i, to, depth, members);
            if (i <= start) {
                i = start + 1;
            }
        }
        return members;
    }

    private int skipEnumConstants(int i, int to) {
        while (i < to) {
            Token x = t.get(i);
            if (x.isSymbol(";")) {
                return i + 1;
            }
            i = isOpener(x) ? skip(i) : i + 1;
        }
        return to;
    }

    /** Reads the annotations of a declaration; {@code isAbstract} and friends come back through {@link Head}. */
    private static final class Head {
        final List<AnnotationUse> annotations = new ArrayList<>();
        boolean isAbstract;
        boolean companion;
        TypeDecl.Kind kotlinKind;
    }

    private int javaMember(int i, int to, int depth, Members members) {
        Token first = t.get(i);
        if (first.isSymbol(";") || isCloser(first)) {
            return i + 1;
        }
        Head head = new Head();
        while (i < to) {
            Token x = t.get(i);
            if (x.isSymbol("@") && i + 1 < to && t.get(i + 1).isWord("interface")) {
                break;
            }
            if (x.isSymbol("@")) {
                AnnotationUse annotation = annotation(i);
                if (annotation != null) {
                    head.annotations.add(annotation);
                }
                i = Math.max(afterAnnotation, i + 1);
            } else if (x.isIdent() && JAVA_MODIFIERS.contains(x.text())) {
                head.isAbstract |= x.text().equals("abstract");
                i++;
            } else if (x.isWord("non") && i + 2 < to && t.get(i + 1).isSymbol("-") && t.get(i + 2).isWord("sealed")) {
                i += 3;
            } else {
                break;
            }
        }
        if (i >= to) {
            return to;
        }
        Token x = t.get(i);
        Token after = i + 1 < to ? t.get(i + 1) : null;
        if (x.isSymbol("@") && after != null && after.isWord("interface")) {
            return javaType(i + 1, TypeDecl.Kind.ANNOTATION, head, to, depth, members);
        }
        if (x.isWord("class")) {
            return javaType(i, TypeDecl.Kind.CLASS, head, to, depth, members);
        }
        if (x.isWord("interface")) {
            return javaType(i, TypeDecl.Kind.INTERFACE, head, to, depth, members);
        }
        if (x.isWord("enum") && after != null && after.isIdent()) {
            return javaType(i, TypeDecl.Kind.ENUM, head, to, depth, members);
        }
        if (x.isWord("record") && after != null && after.isIdent() && i + 2 < to
                && (t.get(i + 2).isSymbol("(") || t.get(i + 2).isSymbol("<"))) {
            return javaType(i, TypeDecl.Kind.RECORD, head, to, depth, members);
        }
        if (x.isSymbol("{")) {
            return skip(i);
        }
        return javaMethodOrField(i, to, head, members);
    }

    private int javaType(int keyword, TypeDecl.Kind kind, Head head, int to, int depth, Members members) {
        int k = keyword + 1;
        if (k >= to || !t.get(k).isIdent()) {
            return k;
        }
        Token name = t.get(k++);
        List<String> supertypes = new ArrayList<>();
        while (k < to) {
            Token x = t.get(k);
            if (x.isSymbol("{") || x.isSymbol(";") || x.isSymbol("}")) {
                break;
            }
            if (x.isWord("extends") || x.isWord("implements")) {
                k = typeList(k + 1, to, supertypes);
            } else if (x.isSymbol("<")) {
                k = skipAngles(k, to);
            } else if (x.isSymbol("@")) {
                annotation(k);
                k = Math.max(afterAnnotation, k + 1);
            } else {
                k = isOpener(x) ? skip(k) : k + 1;
            }
        }
        return typeWithBody(name, kind, head, supertypes, k, to, depth, members);
    }

    private int typeWithBody(Token name, TypeDecl.Kind kind, Head head, List<String> supertypes, int k, int to,
            int depth, Members members) {
        Members body = new Members();
        int next = k;
        if (k < to && t.get(k).isSymbol("{")) {
            body = members(k + 1, Math.min(closeOf(k), to), kind == TypeDecl.Kind.ENUM, depth + 1);
            next = skip(k);
        }
        members.types.add(new TypeDecl(name.text(), kind, head.isAbstract, head.companion,
                List.copyOf(head.annotations), List.copyOf(supertypes), List.copyOf(body.fields),
                List.copyOf(body.methods), List.copyOf(body.types), name.line()));
        return next;
    }

    /** A comma-separated list of types after {@code extends}/{@code implements}; their dotted names go to {@code out}. */
    private int typeList(int k, int to, List<String> out) {
        while (k < to) {
            while (k < to && t.get(k).isSymbol("@")) {
                annotation(k);
                k = Math.max(afterAnnotation, k + 1);
            }
            if (k >= to || !t.get(k).isIdent()) {
                return k;
            }
            StringBuilder name = new StringBuilder(t.get(k++).text());
            while (k < to) {
                if (k + 1 < to && t.get(k).isSymbol(".") && t.get(k + 1).isIdent()) {
                    name.append('.').append(t.get(k + 1).text());
                    k += 2;
                } else if (t.get(k).isSymbol("<")) {
                    // Outer<T>.Inner: the arguments belong to a qualifier, the name goes on.
                    k = skipAngles(k, to);
                } else {
                    break;
                }
            }
            out.add(name.toString());
            if (k < to && t.get(k).isSymbol(",")) {
                k++;
            } else {
                return k;
            }
        }
        return k;
    }

    private int javaMethodOrField(int i, int to, Head head, Members members) {
        int k = i;
        if (t.get(k).isSymbol("<")) {
            k = skipAngles(k, to);
        }
        int typeStart = k;
        int angle = 0;
        while (k < to) {
            Token x = t.get(k);
            if (x.isSymbol("<")) {
                angle++;
            } else if (x.isSymbol(">")) {
                angle = Math.max(0, angle - 1);
            } else if (x.isSymbol("@")) {
                annotation(k);
                k = Math.max(afterAnnotation, k + 1);
                continue;
            } else if (x.isSymbol("[")) {
                k = skip(k);
                continue;
            } else if (isCloser(x)) {
                return k + 1;
            } else if (angle == 0 && (x.isSymbol("(") || x.isSymbol("=") || x.isSymbol(";") || x.isSymbol(",")
                    || x.isSymbol("{"))) {
                break;
            } else if (isOpener(x)) {
                k = skip(k);
                continue;
            }
            k++;
        }
        if (k >= to) {
            return to;
        }
        Token stop = t.get(k);
        int nameIndex = k - 1;
        while (nameIndex > typeStart && t.get(nameIndex).isSymbol("]") && match[nameIndex] >= 0) {
            nameIndex = match[nameIndex] - 1;
        }
        boolean named = nameIndex >= typeStart && t.get(nameIndex).isIdent();
        if (stop.isSymbol("(")) {
            int body = javaMethodBody(skip(k), to);
            int end = body >= 0 ? skip(body) : javaMethodEnd(skip(k), to);
            if (named) {
                Token name = t.get(nameIndex);
                List<String> constructed = head.annotations.isEmpty() || body < 0 ? List.of()
                        : constructedTypes(body, end);
                members.methods.add(new MethodDecl(name.text(), arity(k), baseTypeName(typeStart, nameIndex),
                        text(typeStart, nameIndex), List.copyOf(head.annotations), constructed, name.line()));
            }
            return end;
        }
        if (stop.isSymbol("{") || !named) {
            return isOpener(stop) ? skip(k) : k + 1;
        }
        return javaDeclarators(nameIndex, to, members);
    }

    /** The index of the method body's opening brace after the parameters, or -1 when it has none. */
    private int javaMethodBody(int k, int to) {
        while (k < to) {
            Token x = t.get(k);
            if (x.isSymbol("{")) {
                return k;
            }
            if (x.isSymbol(";") || x.isSymbol("}")) {
                return -1;
            }
            k = isOpener(x) ? skip(k) : k + 1;
        }
        return -1;
    }

    /** The end of a method without body: after its semicolon (or where the broken declaration stops). */
    private int javaMethodEnd(int k, int to) {
        while (k < to) {
            Token x = t.get(k);
            if (x.isSymbol(";")) {
                return k + 1;
            }
            if (x.isSymbol("}")) {
                return k;
            }
            k = isOpener(x) ? skip(k) : k + 1;
        }
        return to;
    }

    /**
     * The types a body returns freshly made: Java {@code return new X(...)}, Kotlin
     * {@code return X(...)} or an expression body {@code = X(...)}. A sub-resource locator
     * declared to return {@code Object} is resolved through them.
     */
    private List<String> constructedTypes(int from, int to) {
        List<String> types = new ArrayList<>();
        for (int j = from; j < to; j++) {
            Token x = t.get(j);
            boolean expressionBody = kotlin && j == from && !x.isSymbol("{");
            int k = expressionBody ? j : x.isWord("return") ? j + 1 : -1;
            if (k < 0) {
                continue;
            }
            if (!kotlin && k < to && t.get(k).isWord("new")) {
                k++;
            } else if (!kotlin) {
                continue;
            }
            if (k >= to || !t.get(k).isIdent() || (kotlin && !Character.isUpperCase(t.get(k).text().charAt(0)))) {
                continue;
            }
            StringBuilder name = new StringBuilder(t.get(k++).text());
            while (k + 1 < to && t.get(k).isSymbol(".") && t.get(k + 1).isIdent()) {
                name.append('.').append(t.get(k + 1).text());
                k += 2;
            }
            if (k < to && (t.get(k).isSymbol("(") || t.get(k).isSymbol("<")) && !types.contains(name.toString())) {
                types.add(name.toString());
            }
        }
        return List.copyOf(types);
    }

    private int javaDeclarators(int nameIndex, int to, Members members) {
        while (true) {
            Token name = t.get(nameIndex);
            int p = nameIndex + 1;
            while (p < to && t.get(p).isSymbol("[")) {
                p = skip(p);
            }
            List<Token> initializer = List.of();
            if (p < to && t.get(p).isSymbol("=")) {
                int end = javaInitializerEnd(p + 1, to);
                initializer = List.copyOf(t.subList(p + 1, end));
                p = end;
            }
            members.fields.add(new FieldDecl(name.text(), initializer, name.line()));
            if (p + 1 < to && t.get(p).isSymbol(",") && t.get(p + 1).isIdent()) {
                nameIndex = p + 1;
                continue;
            }
            return p < to && t.get(p).isSymbol(";") ? p + 1 : Math.max(p, nameIndex + 1);
        }
    }

    private int javaInitializerEnd(int p, int to) {
        while (p < to) {
            Token x = t.get(p);
            if (x.isSymbol(";") || isCloser(x)) {
                return p;
            }
            // A comma ends the declarator only when another declarator follows: the commas of
            // `new HashMap<String, Integer>()` are not inside any bracket the table knows.
            if (x.isSymbol(",") && p + 2 < to && t.get(p + 1).isIdent()) {
                Token after = t.get(p + 2);
                if (after.isSymbol("=") || after.isSymbol(";") || after.isSymbol(",") || after.isSymbol("[")) {
                    return p;
                }
            }
            p = isOpener(x) ? skip(p) : p + 1;
        }
        return to;
    }

    private int kotlinMember(int i, int to, int depth, Members members) {
        Token first = t.get(i);
        if (first.isSymbol(";") || isCloser(first)) {
            return i + 1;
        }
        Head head = new Head();
        while (i < to) {
            Token x = t.get(i);
            if (x.isSymbol("@")) {
                AnnotationUse annotation = annotation(i);
                if (annotation != null) {
                    head.annotations.add(annotation);
                }
                i = Math.max(afterAnnotation, i + 1);
            } else if (x.isIdent() && KOTLIN_MODIFIERS.contains(x.text()) && i + 1 < to
                    && (t.get(i + 1).isIdent() || t.get(i + 1).isSymbol("@"))) {
                switch (x.text()) {
                    case "abstract", "sealed" -> head.isAbstract = true;
                    case "companion" -> head.companion = true;
                    case "enum" -> head.kotlinKind = TypeDecl.Kind.ENUM;
                    case "annotation" -> head.kotlinKind = TypeDecl.Kind.ANNOTATION;
                    default -> {
                    }
                }
                i++;
            } else {
                break;
            }
        }
        if (i >= to) {
            return to;
        }
        Token x = t.get(i);
        Token after = i + 1 < to ? t.get(i + 1) : null;
        switch (x.kind() == Token.Kind.IDENT ? x.text() : "") {
            case "class" -> {
                return kotlinType(i, head.kotlinKind != null ? head.kotlinKind : TypeDecl.Kind.CLASS, head, to,
                        depth, members);
            }
            case "interface" -> {
                return kotlinType(i, TypeDecl.Kind.INTERFACE, head, to, depth, members);
            }
            case "object" -> {
                return kotlinType(i, TypeDecl.Kind.OBJECT, head, to, depth, members);
            }
            case "fun" -> {
                if (after != null && after.isWord("interface")) {
                    return kotlinType(i + 1, TypeDecl.Kind.INTERFACE, head, to, depth, members);
                }
                return kotlinFunction(i, to, head, members);
            }
            case "val", "var" -> {
                return kotlinProperty(i, to, members);
            }
            case "init" -> {
                return after != null && after.isSymbol("{") ? skip(i + 1) : i + 1;
            }
            case "typealias" -> {
                int k = i + 1;
                while (k < to && t.get(k).line() == x.line()) {
                    k = isOpener(t.get(k)) ? skip(k) : k + 1;
                }
                return k;
            }
            default -> {
                return isOpener(x) ? skip(i) : i + 1;
            }
        }
    }

    private int kotlinType(int keyword, TypeDecl.Kind kind, Head head, int to, int depth, Members members) {
        int k = keyword + 1;
        Token name;
        if (k < to && t.get(k).isIdent() && !t.get(k).isWord("constructor")) {
            name = t.get(k++);
        } else if (head.companion) {
            Token keywordToken = t.get(keyword);
            name = new Token(Token.Kind.IDENT, "Companion", keywordToken.start(), keywordToken.end(),
                    keywordToken.line(), keywordToken.endLine(), List.of());
        } else {
            return k;
        }
        if (k < to && t.get(k).isSymbol("<")) {
            k = skipAngles(k, to);
        }
        // `class A @Inject private constructor(...)`: annotations and modifiers belong to the
        // header only when `constructor` follows; otherwise they start the next declaration.
        int j = k;
        while (j < to) {
            Token x = t.get(j);
            if (x.isSymbol("@")) {
                annotation(j);
                j = Math.max(afterAnnotation, j + 1);
            } else if (x.isIdent() && KOTLIN_MODIFIERS.contains(x.text())) {
                j++;
            } else {
                break;
            }
        }
        if (j < to && t.get(j).isWord("constructor")) {
            k = j + 1;
        }
        if (k < to && t.get(k).isSymbol("(")) {
            k = skip(k);
        }
        List<String> supertypes = new ArrayList<>();
        if (k < to && t.get(k).isSymbol(":")) {
            k = kotlinSupertypes(k + 1, to, supertypes);
        }
        if (k < to && t.get(k).isWord("where")) {
            k++;
            while (k < to && !t.get(k).isSymbol("{")
                    && (t.get(k).line() == t.get(k - 1).endLine() || t.get(k - 1).isSymbol(","))) {
                k = isOpener(t.get(k)) ? skip(k) : k + 1;
            }
        }
        return typeWithBody(name, kind, head, supertypes, k, to, depth, members);
    }

    private int kotlinSupertypes(int k, int to, List<String> out) {
        while (k < to) {
            while (k < to && t.get(k).isSymbol("@")) {
                annotation(k);
                k = Math.max(afterAnnotation, k + 1);
            }
            if (k < to && t.get(k).isWord("suspend")) {
                k++;
            }
            if (k < to && t.get(k).isSymbol("(")) {
                // A function type, `() -> V`: no class of the repository, but its end must be found.
                k = skip(k);
                if (k < to && t.get(k).isSymbol("->")) {
                    k = kotlinTypeEnd(k + 1, to);
                }
                if (k < to && t.get(k).isSymbol(",")) {
                    k++;
                    continue;
                }
                return k;
            }
            if (k >= to || !t.get(k).isIdent()) {
                return k;
            }
            StringBuilder name = new StringBuilder(t.get(k++).text());
            while (k + 1 < to && t.get(k).isSymbol(".") && t.get(k + 1).isIdent()) {
                name.append('.').append(t.get(k + 1).text());
                k += 2;
            }
            if (k < to && t.get(k).isSymbol("<")) {
                k = skipAngles(k, to);
            }
            out.add(name.toString());
            if (k < to && t.get(k).isSymbol("(") && t.get(k).line() == t.get(k - 1).endLine()) {
                k = skip(k);
            }
            if (k < to && t.get(k).isWord("by")) {
                int line = t.get(k).line();
                k++;
                while (k < to && !t.get(k).isSymbol(",") && !t.get(k).isSymbol("{") && t.get(k).line() == line) {
                    k = isOpener(t.get(k)) ? skip(k) : k + 1;
                }
            }
            if (k < to && t.get(k).isSymbol(",")) {
                k++;
            } else {
                return k;
            }
        }
        return k;
    }

    private int kotlinFunction(int i, int to, Head head, Members members) {
        int k = i + 1;
        if (k < to && t.get(k).isSymbol("<")) {
            k = skipAngles(k, to);
        }
        int nameIndex = -1;
        int angle = 0;
        while (k < to) {
            Token x = t.get(k);
            if (x.isSymbol("<")) {
                angle++;
            } else if (x.isSymbol(">")) {
                angle = Math.max(0, angle - 1);
            } else if (angle == 0 && (x.isSymbol("(") || x.isSymbol("{") || x.isSymbol("=") || isCloser(x))) {
                break;
            } else if (angle == 0 && x.isIdent()) {
                nameIndex = k;
            }
            k++;
        }
        if (k >= to || !t.get(k).isSymbol("(") || nameIndex < 0) {
            return k;
        }
        Token name = t.get(nameIndex);
        int arity = arity(k);
        k = skip(k);
        String returnType = null;
        String returnTypeText = null;
        if (k < to && t.get(k).isSymbol(":")) {
            int typeStart = k + 1;
            k = kotlinTypeEnd(typeStart, to);
            returnType = baseTypeName(typeStart, k);
            returnTypeText = text(typeStart, k);
        }
        if (k < to && t.get(k).isWord("where")) {
            k++;
            while (k < to && !t.get(k).isSymbol("{") && !t.get(k).isSymbol("=")
                    && (t.get(k).line() == t.get(k - 1).endLine() || t.get(k - 1).isSymbol(","))) {
                k = isOpener(t.get(k)) ? skip(k) : k + 1;
            }
        }
        int bodyStart = -1;
        int end = k;
        if (k < to && t.get(k).isSymbol("{")) {
            bodyStart = k;
            end = skip(k);
        } else if (k < to && t.get(k).isSymbol("=")) {
            bodyStart = k + 1;
            end = kotlinExpressionEnd(k + 1, to);
        }
        List<String> constructed = head.annotations.isEmpty() || bodyStart < 0 ? List.of()
                : constructedTypes(bodyStart, end);
        members.methods.add(new MethodDecl(name.text(), arity, returnType, returnTypeText,
                List.copyOf(head.annotations), constructed, name.line()));
        return end;
    }

    private int kotlinProperty(int i, int to, Members members) {
        int k = i + 1;
        if (k < to && t.get(k).isSymbol("<")) {
            k = skipAngles(k, to);
        }
        if (k < to && t.get(k).isSymbol("(")) {
            return skip(k);
        }
        // The name is the last identifier before the type or initializer; what comes before it
        // is an extension receiver: `val <T> Array<out T>.lastIndex: Int`.
        int nameIndex = -1;
        while (k < to) {
            Token x = t.get(k);
            if (x.isSymbol("@")) {
                annotation(k);
                k = Math.max(afterAnnotation, k + 1);
                continue;
            } else if (x.isIdent()) {
                nameIndex = k;
                k++;
            } else if (x.isSymbol("<")) {
                k = skipAngles(k, to);
            } else if (x.isSymbol(".") || x.isSymbol("?")) {
                k++;
            } else {
                break;
            }
            if (k < to && !t.get(k).isSymbol(".") && !t.get(k).isSymbol("<") && !t.get(k).isSymbol("?")
                    && t.get(k - 1).isIdent()) {
                break;
            }
        }
        if (nameIndex < 0) {
            return k;
        }
        if (k < to && t.get(k).isSymbol(":")) {
            k = kotlinTypeEnd(k + 1, to);
        }
        List<Token> initializer = List.of();
        if (k < to && t.get(k).isSymbol("=")) {
            int end = kotlinExpressionEnd(k + 1, to);
            initializer = List.copyOf(t.subList(k + 1, end));
            k = end;
        } else if (k < to && t.get(k).isWord("by")) {
            k = kotlinExpressionEnd(k + 1, to);
        }
        Token name = t.get(nameIndex);
        members.fields.add(new FieldDecl(name.text(), initializer, name.line()));
        return kotlinAccessors(k, to);
    }

    /**
     * Skips a property's getter and setter ({@code get() = this@Outer.size}, {@code private set},
     * {@code set(value) { ... }}), so nothing in them passes for a member's annotation.
     */
    private int kotlinAccessors(int k, int to) {
        while (k < to) {
            int a = k;
            while (a < to && (t.get(a).isSymbol("@")
                    || (t.get(a).isIdent() && KOTLIN_MODIFIERS.contains(t.get(a).text())))) {
                if (t.get(a).isSymbol("@")) {
                    annotation(a);
                    a = Math.max(afterAnnotation, a + 1);
                } else {
                    a++;
                }
            }
            if (a >= to || !(t.get(a).isWord("get") || t.get(a).isWord("set"))) {
                return k;
            }
            a++;
            if (a < to && t.get(a).isSymbol("(")) {
                a = skip(a);
            }
            if (a < to && t.get(a).isSymbol(":")) {
                a = kotlinTypeEnd(a + 1, to);
            }
            if (a < to && t.get(a).isSymbol("=")) {
                a = kotlinExpressionEnd(a + 1, to);
            } else if (a < to && t.get(a).isSymbol("{")) {
                a = skip(a);
            }
            k = a;
        }
        return k;
    }

    /** The end of a Kotlin type: it stops at what follows a type or at a line break outside brackets. */
    private int kotlinTypeEnd(int k, int to) {
        if (k >= to) {
            return k;
        }
        k = isOpener(t.get(k)) ? skip(k) : k + 1;
        int angle = 0;
        while (k < to) {
            Token x = t.get(k);
            boolean accessor = (x.isWord("get") || x.isWord("set")) && k + 1 < to
                    && (t.get(k + 1).isSymbol("(") || t.get(k + 1).isSymbol("="));
            if (angle == 0 && (x.isSymbol("{") || x.isSymbol("=") || x.isSymbol(",") || x.isSymbol(";")
                    || isCloser(x) || x.isWord("where") || x.isWord("by") || accessor
                    || x.line() > t.get(k - 1).endLine())) {
                return k;
            }
            if (x.isSymbol("<")) {
                angle++;
            } else if (x.isSymbol(">")) {
                angle = Math.max(0, angle - 1);
            } else if (isCloser(x)) {
                return k;
            }
            k = isOpener(x) ? skip(k) : k + 1;
        }
        return k;
    }

    /**
     * The end of a Kotlin expression (initializer or expression body): Kotlin has no semicolons,
     * so a line break ends it unless the line ends in an operator or the next starts with one
     * that cannot begin a statement ({@code .}, {@code ?.}, {@code ?:}, {@code &&}, {@code else}).
     */
    private int kotlinExpressionEnd(int k, int to) {
        int j = k;
        while (j < to) {
            Token x = t.get(j);
            if (x.isSymbol(";") || isCloser(x)) {
                return j;
            }
            j = isOpener(x) ? Math.min(skip(j), to) : j + 1;
            if (j >= to) {
                return to;
            }
            Token last = t.get(j - 1);
            Token next = t.get(j);
            if (next.line() > last.endLine() && !continuesOnNextLine(last, next)) {
                return j;
            }
        }
        return j;
    }

    private static boolean continuesOnNextLine(Token last, Token next) {
        if (last.kind() == Token.Kind.SYMBOL && KOTLIN_CONTINUING_SYMBOLS.contains(last.text())) {
            return true;
        }
        return next.isSymbol(".") || next.isSymbol("?") || next.isSymbol("&") || next.isSymbol("|")
                || next.isSymbol("::") || next.isWord("else") || next.isWord("catch") || next.isWord("finally");
    }

    // ---------------------------------------------------------------- annotations and helpers

    /**
     * Reads the annotation at {@code t[i] == '@'}; sets {@link #afterAnnotation}. Null for
     * {@code @[...]} lists and labels. Arguments (like initializers) are copied out of the file's
     * token list, so that list is garbage once the file is parsed.
     */
    private AnnotationUse annotation(int i) {
        int line = t.get(i).line();
        int k = i + 1;
        if (kotlin && k + 1 < n && t.get(k).isIdent() && KOTLIN_USE_SITES.contains(t.get(k).text())
                && t.get(k + 1).isSymbol(":")) {
            k += 2;
        }
        if (k < n && t.get(k).isSymbol("[")) {
            afterAnnotation = skip(k);
            return null;
        }
        if (k >= n || !t.get(k).isIdent()) {
            afterAnnotation = k;
            return null;
        }
        StringBuilder name = new StringBuilder(t.get(k++).text());
        while (k + 1 < n && t.get(k).isSymbol(".") && t.get(k + 1).isIdent()) {
            name.append('.').append(t.get(k + 1).text());
            k += 2;
        }
        List<Token> arguments = null;
        if (k < n && t.get(k).isSymbol("(") && (!kotlin || t.get(k).line() == t.get(k - 1).endLine())) {
            arguments = List.copyOf(t.subList(k + 1, Math.max(k + 1, Math.min(closeOf(k), n))));
            k = skip(k);
        }
        afterAnnotation = k;
        return new AnnotationUse(name.toString(), line, arguments);
    }

    /** Parameters between {@code t[open] == '('} and its closer, counted by top-level commas. */
    private int arity(int open) {
        int close = Math.min(closeOf(open), n);
        if (close <= open + 1) {
            return 0;
        }
        int count = 1;
        int angle = 0;
        int j = open + 1;
        while (j < close) {
            Token x = t.get(j);
            if (isOpener(x)) {
                j = skip(j);
                continue;
            }
            if (x.isSymbol("<")) {
                angle++;
            } else if (x.isSymbol(">")) {
                angle = Math.max(0, angle - 1);
            } else if (x.isSymbol(",") && angle == 0) {
                count++;
            }
            j++;
        }
        if (t.get(close - 1).isSymbol(",")) {
            count--;
        }
        return count;
    }

    /** The dotted name a type starts with, skipping annotations: {@code Foo} for {@code @Valid Foo<Bar>[]}. */
    private String baseTypeName(int from, int to) {
        int k = from;
        while (k < to && t.get(k).isSymbol("@")) {
            annotation(k);
            k = Math.max(afterAnnotation, k + 1);
        }
        if (k >= to || !t.get(k).isIdent()) {
            return null;
        }
        StringBuilder name = new StringBuilder(t.get(k++).text());
        while (k + 1 < to && t.get(k).isSymbol(".") && t.get(k + 1).isIdent()) {
            name.append('.').append(t.get(k + 1).text());
            k += 2;
        }
        return name.toString();
    }

    private String text(int from, int to) {
        if (from >= to) {
            return null;
        }
        return source.substring(t.get(from).start(), t.get(to - 1).end());
    }

    private int skipAngles(int k, int to) {
        int depth = 0;
        while (k < to) {
            Token x = t.get(k);
            if (x.isSymbol("<")) {
                depth++;
            } else if (x.isSymbol(">")) {
                depth--;
                if (depth <= 0) {
                    return k + 1;
                }
            } else if (x.isSymbol("{") || x.isSymbol(";") || isCloser(x)) {
                return k;
            } else if (isOpener(x)) {
                k = skip(k);
                continue;
            }
            k++;
        }
        return k;
    }

    private int skip(int i) {
        return match[i] < 0 ? i + 1 : Math.max(i + 1, match[i] + 1);
    }

    private int closeOf(int open) {
        return match[open] < 0 ? n : match[open];
    }

    private static boolean isOpener(Token x) {
        return x.kind() == Token.Kind.SYMBOL && (x.text().equals("(") || x.text().equals("[") || x.text().equals("{"));
    }

    private static boolean isCloser(Token x) {
        return x.kind() == Token.Kind.SYMBOL && (x.text().equals(")") || x.text().equals("]") || x.text().equals("}"));
    }

    /**
     * For every bracket, the index of its partner. A closer that does not match the innermost
     * opener closes the nearest matching one a few levels out (the ones in between end just
     * before it); a closer that matches nothing is left alone; openers never closed extend to
     * the end of the file.
     */
    static int[] brackets(List<Token> tokens) {
        int n = tokens.size();
        int[] match = new int[n];
        Arrays.fill(match, -1);
        int[] stack = new int[64];
        int top = 0;
        for (int i = 0; i < n; i++) {
            Token x = tokens.get(i);
            if (x.kind() != Token.Kind.SYMBOL || x.text().length() != 1) {
                continue;
            }
            char c = x.text().charAt(0);
            if (c == '(' || c == '[' || c == '{') {
                if (top == stack.length) {
                    stack = Arrays.copyOf(stack, top * 2);
                }
                stack[top++] = i;
            } else if (c == ')' || c == ']' || c == '}') {
                char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                int limit = Math.max(0, top - 8);
                int k = top - 1;
                while (k >= limit && tokens.get(stack[k]).text().charAt(0) != open) {
                    k--;
                }
                if (k >= limit && k >= 0) {
                    for (int j = top - 1; j > k; j--) {
                        match[stack[j]] = i - 1;
                    }
                    match[stack[k]] = i;
                    match[i] = stack[k];
                    top = k;
                }
            }
        }
        for (int j = 0; j < top; j++) {
            match[stack[j]] = n - 1;
        }
        return match;
    }
}
