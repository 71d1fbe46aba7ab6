package dev.leviathan.engine.bootstrap.routes.jvm;

/**
 * One import. {@code name} is the dotted name without {@code .*}; {@code alias} is the Kotlin
 * {@code as} name or null. Kotlin imports are never {@code isStatic}: they may name a type, a
 * member or a top-level declaration alike.
 */
record ImportDecl(String name, boolean isStatic, boolean wildcard, String alias) {

    /** The simple name this import brings into scope (null for wildcards). */
    String visibleName() {
        if (wildcard) {
            return null;
        }
        return alias != null ? alias : name.substring(name.lastIndexOf('.') + 1);
    }

    /** Everything before the last dot. */
    String qualifier() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }
}
