package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/** Reads one file's declaration skeleton, in the reader of its language, and its router-function code. */
final class SourceParser {

    private SourceParser() {
    }

    static ParsedFile parse(String path, String source) {
        Dialect dialect = Dialect.of(path);
        List<Token> tokens = JvmLexer.lex(source, dialect);
        DeclarationReader reader = dialect == Dialect.KOTLIN ? new KotlinDeclarations(tokens, source)
                : new JavaDeclarations(tokens, source);
        ParsedFile file = reader.file(path, dialect);
        List<RouterRoot> routers = RouterRoots.find(tokens, reader.match, reader.typeSpans, reader.methodSpans, file);
        return routers.isEmpty() ? file : file.withRouters(routers);
    }
}
