package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/**
 * The declarations of one source file. {@code topLevelFields} holds Kotlin top-level properties
 * ({@code const val BASE = "/api"}); Java has none.
 */
record ParsedFile(String path, Dialect dialect, String source, String packageName, List<ImportDecl> imports,
        List<TypeDecl> types, List<FieldDecl> topLevelFields) {
}
