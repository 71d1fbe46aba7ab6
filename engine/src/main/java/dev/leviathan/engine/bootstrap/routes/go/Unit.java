package dev.leviathan.engine.bootstrap.routes.go;

import java.util.Map;

/** A parsed file in its package, with its import names resolved to import paths. */
record Unit(ParsedFile file, GoPackage pkg, Map<String, String> imports) {

    String text(Ast.Expr e) {
        return file.text(e);
    }

    java.util.List<String> identifiers(Ast.Expr e) {
        return file.identifiers(e);
    }

    int line(Ast.Expr e) {
        return file.line(e);
    }
}
