package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/**
 * A field or Kotlin property (class member, or Kotlin top-level), with the tokens of its
 * initializer (empty when it has none). Any field may serve as a constant: code that compiles
 * only ever uses true constants in annotations.
 */
record FieldDecl(String name, List<Token> initializer, int line) {
}
