package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Members of Java types: nested types, methods with their annotations, fields with their initializers. */
final class JavaDeclarations extends DeclarationReader {

    private static final Set<String> JAVA_MODIFIERS = Set.of("public", "protected", "private", "static", "final",
            "abstract", "default", "synchronized", "native", "transient", "volatile", "strictfp", "sealed");

    JavaDeclarations(List<Token> tokens, String source) {
        super(tokens, Dialect.JAVA, source);
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

    /** The types listed after {@code extends}/{@code implements}; their dotted names go to {@code out}. */
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
                if (body >= 0) {
                    methodSpan(name.text(), k, body, end, baseTypeName(typeStart, nameIndex), head.annotations);
                }
                List<String> constructed = head.annotations.isEmpty() || body < 0 ? List.of()
                        : constructedTypes(body, end);
                List<ParameterDecl> parameters = head.annotations.isEmpty() ? List.of() : parameters(k);
                members.methods.add(new MethodDecl(name.text(), arity(k), baseTypeName(typeStart, nameIndex),
                        text(typeStart, nameIndex), List.copyOf(head.annotations), constructed, parameters,
                        parameterTypes(k), name.line()));
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
}
