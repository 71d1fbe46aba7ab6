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
 * yields fewer declarations, never an exception or a loop. This class holds what both languages
 * share; {@link JavaDeclarations} and {@link KotlinDeclarations} read their members.
 */
abstract sealed class DeclarationReader permits JavaDeclarations, KotlinDeclarations {

    /** Types nested deeper than this keep their name and lose their body: no real code gets close. */
    private static final int MAX_TYPE_NESTING = 48;

    private static final Set<String> KOTLIN_USE_SITES = Set.of("file", "field", "property", "get", "set", "receiver",
            "param", "setparam", "delegate");

    final List<Token> t;
    final int n;
    final int[] match;
    final boolean kotlin;
    final String source;
    /** Index after the annotation last read by {@link #annotation(int)}. */
    int afterAnnotation;
    /** The body of every type read, for router code to find the type it is written in. */
    final List<TypeSpan> typeSpans = new ArrayList<>();
    /** The body of every method read, for router code to find the method it is written in. */
    final List<MethodSpan> methodSpans = new ArrayList<>();

    DeclarationReader(List<Token> tokens, Dialect dialect, String source) {
        this.t = tokens;
        this.n = tokens.size();
        this.match = brackets(tokens);
        this.kotlin = dialect == Dialect.KOTLIN;
        this.source = source;
    }

    /** Reads the member starting at {@code t[i]} into {@code members}; returns the index after it. */
    abstract int member(int i, int to, int depth, Members members);

    ParsedFile file(String path, Dialect dialect) {
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
                kotlin ? List.copyOf(top.fields) : List.of(), List.of());
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

    /** What a type body or a file declares, gathered while it is read. */
    static final class Members {
        final List<TypeDecl> types = new ArrayList<>();
        final List<FieldDecl> fields = new ArrayList<>();
        final List<MethodDecl> methods = new ArrayList<>();
    }

    /** The annotations and modifiers read before a declaration. */
    static final class Head {
        final List<AnnotationUse> annotations = new ArrayList<>();
        boolean isAbstract;
        boolean companion;
        TypeDecl.Kind kotlinKind;
    }

    Members members(int from, int to, boolean enumBody, int depth) {
        Members members = new Members();
        if (depth > MAX_TYPE_NESTING) {
            return members;
        }
        int i = enumBody ? skipEnumConstants(from, to) : from;
        while (i < to) {
            int start = i;
            i = member(i, to, depth, members);
            if (i <= start) {
                i = start + 1;
            }
        }
        return members;
    }

    int skipEnumConstants(int i, int to) {
        while (i < to) {
            Token x = t.get(i);
            if (x.isSymbol(";")) {
                return i + 1;
            }
            i = isOpener(x) ? skip(i) : i + 1;
        }
        return to;
    }

    int typeWithBody(Token name, TypeDecl.Kind kind, Head head, List<String> supertypes, int k, int to,
            int depth, Members members) {
        Members body = new Members();
        int next = k;
        if (k < to && t.get(k).isSymbol("{")) {
            body = members(k + 1, Math.min(closeOf(k), to), kind == TypeDecl.Kind.ENUM, depth + 1);
            next = skip(k);
        }
        TypeDecl decl = new TypeDecl(name.text(), kind, head.isAbstract, head.companion,
                List.copyOf(head.annotations), List.copyOf(supertypes), List.copyOf(body.fields),
                List.copyOf(body.methods), List.copyOf(body.types), name.line());
        members.types.add(decl);
        if (next > k) {
            typeSpans.add(new TypeSpan(k, Math.min(closeOf(k), to), decl));
        }
        return next;
    }

    /**
     * Reads the annotation at {@code t[i] == '@'}; sets {@link #afterAnnotation}. Null for
     * {@code @[...]} lists and labels. Arguments (like initializers) are copied out of the file's
     * token list, so that list is garbage once the file is parsed.
     */
    AnnotationUse annotation(int i) {
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

    /**
     * The types a body constructs, in order: Java {@code new X(...)}, Kotlin {@code X(...)} (a
     * call of a capitalized name that is not a member). A sub-resource locator declared to
     * return {@code Object} is resolved through those of them that are resources; read only for
     * annotated methods.
     */
    List<String> constructedTypes(int from, int to) {
        List<String> types = new ArrayList<>();
        for (int j = from; j < to; j++) {
            String literal = classLiteral(j, from, to);
            if (literal != null) {
                if (!types.contains(literal)) {
                    types.add(literal);
                }
                continue;
            }
            int k;
            if (!kotlin && t.get(j).isWord("new")) {
                k = j + 1;
            } else if (kotlin && t.get(j).isIdent() && !t.get(j).text().isEmpty()
                    && Character.isUpperCase(t.get(j).text().charAt(0))
                    && (j == from || !(t.get(j - 1).isSymbol(".") || t.get(j - 1).isWord("fun")))) {
                k = j;
            } else {
                continue;
            }
            if (k >= to || !t.get(k).isIdent()) {
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

    /**
     * The class named by a class literal ending at {@code t[j]}: Java {@code a.b.Sub.class},
     * Kotlin {@code Sub::class}, as a locator returns it ({@code return Sub.class},
     * {@code resourceContext.getResource(Sub.class)}); else null.
     */
    private String classLiteral(int j, int from, int to) {
        boolean java = !kotlin && t.get(j).isSymbol(".");
        boolean kt = kotlin && t.get(j).isSymbol("::");
        if (!(java || kt) || j + 1 >= to || !t.get(j + 1).isWord("class") || j - 1 < from || !t.get(j - 1).isIdent()) {
            return null;
        }
        int k = j - 1;
        StringBuilder name = new StringBuilder(t.get(k).text());
        while (k - 2 >= from && t.get(k - 1).isSymbol(".") && t.get(k - 2).isIdent()) {
            name.insert(0, t.get(k - 2).text() + ".");
            k -= 2;
        }
        return name.toString();
    }

    /** Parameters between {@code t[open] == '('} and its closer, counted by top-level commas. */
    /**
     * Records the body of a method whose parameters open at {@code open}, with the names of its
     * parameters typed {@code Builder} (Java {@code RouterFunctions.Builder b}, Kotlin
     * {@code b: RouterFunctions.Builder}).
     */
    void methodSpan(String name, int open, int bodyStart, int end, String returnType, List<AnnotationUse> annotations) {
        int close = Math.min(closeOf(open), n);
        List<String> builders = new ArrayList<>();
        int from = open + 1;
        for (int j = from; j <= close; j++) {
            Token x = j < close ? t.get(j) : null;
            if (x != null && isOpener(x)) {
                j = skip(j) - 1;
                continue;
            }
            if (x == null || x.isSymbol(",")) {
                String param = builderParam(from, j);
                if (param != null) {
                    builders.add(param);
                }
                from = j + 1;
            }
        }
        boolean bean = annotations.stream().anyMatch(a -> a.simpleName().equals("Bean"));
        boolean returnsRouter = returnType != null && returnType.endsWith("RouterFunction");
        methodSpans.add(new MethodSpan(name, arity(open), bodyStart, end, List.copyOf(builders), returnsRouter, bean));
    }

    /** The name of the parameter {@code t[from, to)} declares when its type is a {@code Builder}, else null. */
    private String builderParam(int from, int to) {
        int colon = -1;
        boolean builder = false;
        String last = null;
        for (int j = from; j < to; j++) {
            Token x = t.get(j);
            if (x.isSymbol("<")) {
                return null;
            }
            if (x.isSymbol(":") && colon < 0) {
                colon = j;
            } else if (x.isIdent()) {
                builder |= x.text().equals("Builder");
                last = x.text();
            }
        }
        if (!builder) {
            return null;
        }
        if (kotlin) {
            return colon > from && t.get(colon - 1).isIdent() ? t.get(colon - 1).text() : null;
        }
        return last == null || last.equals("Builder") ? null : last;
    }

    int arity(int open) {
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

    /**
     * The parameters between the parentheses opening at {@code open}: each one's annotations, and
     * its name (Java: the last identifier, after the type; Kotlin: the identifier before the
     * {@code :} of its type). A parameter whose name cannot be found is left out.
     */
    List<ParameterDecl> parameters(int open) {
        int close = Math.min(closeOf(open), n);
        List<ParameterDecl> parameters = new ArrayList<>();
        int j = open + 1;
        while (j < close) {
            List<AnnotationUse> annotations = new ArrayList<>();
            String name = null;
            boolean typed = false;
            int angle = 0;
            while (j < close && !(angle == 0 && t.get(j).isSymbol(","))) {
                Token x = t.get(j);
                if (x.isSymbol("@")) {
                    AnnotationUse annotation = annotation(j);
                    if (annotation != null) {
                        annotations.add(annotation);
                    }
                    j = Math.max(afterAnnotation, j + 1);
                    continue;
                }
                if (isOpener(x)) {
                    j = skip(j);
                    continue;
                }
                if (x.isSymbol("<")) {
                    angle++;
                } else if (x.isSymbol(">")) {
                    angle = Math.max(0, angle - 1);
                } else if (kotlin && angle == 0 && (x.isSymbol(":") || x.isSymbol("="))) {
                    typed = true;
                } else if (x.isIdent() && angle == 0 && !(kotlin && typed)) {
                    name = x.text();
                }
                j++;
            }
            if (name != null) {
                parameters.add(new ParameterDecl(name, List.copyOf(annotations)));
            }
            j++;
        }
        return List.copyOf(parameters);
    }

    /**
     * The base name of each parameter's type between the parentheses opening at {@code open}:
     * Java's last identifier before the parameter's name outside type arguments ({@code C} for
     * {@code final a.b.C<D> name}), Kotlin's last one after the {@code :} and before a default
     * ({@code String} for {@code name: kotlin.String = ""}); null for one that has none.
     */
    List<String> parameterTypes(int open) {
        int close = Math.min(closeOf(open), n);
        List<String> types = new ArrayList<>();
        int j = open + 1;
        while (j < close) {
            int segmentStart = j;
            String last = null;
            String beforeLast = null;
            boolean typed = false;
            boolean defaulted = false;
            int angle = 0;
            while (j < close && !(angle == 0 && t.get(j).isSymbol(","))) {
                Token x = t.get(j);
                if (x.isSymbol("@")) {
                    annotation(j);
                    j = Math.max(afterAnnotation, j + 1);
                    continue;
                }
                if (isOpener(x)) {
                    j = skip(j);
                    continue;
                }
                if (x.isSymbol("<")) {
                    angle++;
                } else if (x.isSymbol(">")) {
                    angle = Math.max(0, angle - 1);
                } else if (kotlin && angle == 0 && x.isSymbol(":")) {
                    typed = true;
                } else if (kotlin && angle == 0 && x.isSymbol("=")) {
                    defaulted = true;
                } else if (x.isIdent() && angle == 0 && !defaulted && (!kotlin || typed)) {
                    beforeLast = last;
                    last = x.text();
                }
                j++;
            }
            if (j > segmentStart) { // a trailing comma leaves an empty segment, which is no parameter
                types.add(kotlin ? last : beforeLast);
            }
            j++;
        }
        return java.util.Collections.unmodifiableList(types);
    }

    /** The dotted name a type starts with, skipping annotations: {@code Foo} for {@code @Valid Foo<Bar>[]}. */
    String baseTypeName(int from, int to) {
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

    String text(int from, int to) {
        if (from >= to) {
            return null;
        }
        return source.substring(t.get(from).start(), t.get(to - 1).end());
    }

    int skipAngles(int k, int to) {
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

    int skip(int i) {
        return match[i] < 0 ? i + 1 : Math.max(i + 1, match[i] + 1);
    }

    int closeOf(int open) {
        return match[open] < 0 ? n : match[open];
    }

    static boolean isOpener(Token x) {
        return x.kind() == Token.Kind.SYMBOL && (x.text().equals("(") || x.text().equals("[") || x.text().equals("{"));
    }

    static boolean isCloser(Token x) {
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
