package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/**
 * A method or Kotlin function.
 *
 * @param arity the number of parameters: with the name, how an override is matched to the
 *     declaration it overrides
 * @param returnType the dotted base name of the declared return type ({@code UserResource} for
 *     {@code UserResource<T>[]}), or null when none is written (Kotlin expression bodies)
 * @param returnTypeText the return type as written, or null
 * @param line line of the method's name
 */
record MethodDecl(String name, int arity, String returnType, String returnTypeText, List<AnnotationUse> annotations,
        int line) {

    String key() {
        return name + "/" + arity;
    }
}
