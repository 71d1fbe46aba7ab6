package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.go.Ast.Decl;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Expr;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Import;
import java.util.List;

/**
 * One parsed Go file: its package clause, imports and declarations, plus the tokens the
 * declarations point into, so expressions can be turned back into source text and lines.
 * {@code recoveries} counts the statements and declarations the parser had to skip.
 */
record ParsedFile(String path, String packageName, List<Import> imports, List<Decl> decls, List<Token> tokens,
        String source, int[] funcLitEnd, int recoveries) {

    private static final int MAX_TEXT = 500;

    String dir() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    int line(Expr e) {
        return tokens.get(Math.min(e.from(), tokens.size() - 1)).line();
    }

    /** The names (identifier tokens) written inside {@code e}, in order. */
    List<String> identifiers(Expr e) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = e.from(); i < Math.min(e.to(), tokens.size()); i++) {
            if (tokens.get(i).kind() == Token.Kind.IDENT) {
                names.add(tokens.get(i).value());
            }
        }
        return names;
    }

    /**
     * The source text of an expression on one line: whitespace and comments between tokens become
     * one space, and function literals become {@code <anonymous>} so a handler wrapped around a
     * closure stays short.
     */
    String text(Expr e) {
        StringBuilder out = new StringBuilder();
        int previousEnd = -1;
        int i = e.from();
        int to = Math.min(e.to(), tokens.size());
        while (i < to) {
            Token t = tokens.get(i);
            if (t.implicit() || t.kind() == Token.Kind.EOF) {
                i++;
                continue;
            }
            if (previousEnd >= 0 && t.start() > previousEnd) {
                out.append(' ');
            }
            if (funcLitEnd[i] > i) {
                out.append("<anonymous>");
                int end = Math.min(funcLitEnd[i], to);
                previousEnd = tokens.get(end - 1).end();
                i = end;
            } else {
                out.append(source, t.start(), t.end());
                previousEnd = t.end();
                i++;
            }
            if (out.length() > MAX_TEXT) {
                out.setLength(MAX_TEXT);
                out.append("...");
                break;
            }
        }
        return out.toString();
    }
}
