package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Members of Kotlin files and types: classes, objects (companions among them), functions,
 * properties with their initializers. Kotlin has no semicolons, so where a declaration ends is
 * read from line breaks and from what can continue an expression.
 */
final class KotlinDeclarations extends DeclarationReader {

    /**
     * Symbols that cannot end a Kotlin expression, so a line ending in one goes on. Not {@code !}
     * ({@code x!!}), {@code ?} ({@code as Foo?}) or {@code >} ({@code as List<T>}): those end lines.
     */
    private static final Set<String> KOTLIN_CONTINUING_SYMBOLS = Set.of("+", "-", "*", "/", "%", "=", "&", "|", "^",
            ".", ",", ":", "->", "::");

    private static final Set<String> KOTLIN_MODIFIERS = Set.of("public", "protected", "private", "internal", "open",
            "final", "abstract", "override", "sealed", "data", "inner", "enum", "annotation", "companion", "const",
            "lateinit", "suspend", "inline", "noinline", "crossinline", "tailrec", "operator", "infix", "external",
            "actual", "expect", "value", "vararg", "reified");

    KotlinDeclarations(List<Token> tokens, String source) {
        super(tokens, Dialect.KOTLIN, source);
    }

    @Override
    int member(int i, int to, int depth, Members members) {
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
        int open = k;
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
        if (bodyStart >= 0) {
            methodSpan(name.text(), open, bodyStart, end, returnType, head.annotations);
        }
        List<ParameterDecl> parameters = head.annotations.isEmpty() ? List.of() : parameters(open);
        members.methods.add(new MethodDecl(name.text(), arity, returnType, returnTypeText,
                List.copyOf(head.annotations), constructed, parameters, parameterTypes(open), name.line()));
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
}
