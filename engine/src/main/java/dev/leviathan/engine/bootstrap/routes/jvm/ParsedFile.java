package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/**
 * The declarations of one source file. {@code topLevelFields} holds Kotlin top-level properties
 * ({@code const val BASE = "/api"}); Java has none. {@code routers} holds the Spring functional
 * router code of the file, in file order (none for most files).
 */
record ParsedFile(String path, Dialect dialect, String source, String packageName, List<ImportDecl> imports,
        List<TypeDecl> types, List<FieldDecl> topLevelFields, List<RouterRoot> routers) {

    ParsedFile withRouters(List<RouterRoot> found) {
        return new ParsedFile(path, dialect, source, packageName, imports, types, topLevelFields, List.copyOf(found));
    }
}
