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
 * @param constructedTypes for annotated methods, the dotted names of the types the body returns
 *     freshly made ({@code return new X(...)}), in order
 * @param parameters for annotated methods, the parameters in order (empty for others)
 * @param parameterTypes the base name of each parameter's declared type, in order ({@code UserPatch}
 *     for {@code final UserPatch patch}, {@code List} for {@code List<String> names}; a type
 *     variable stays its name), null where none could be read: what tells apart overloads of one
 *     name and arity
 * @param line line of the method's name
 */
record MethodDecl(String name, int arity, String returnType, String returnTypeText, List<AnnotationUse> annotations,
        List<String> constructedTypes, List<ParameterDecl> parameters, List<String> parameterTypes, int line) {

    String key() {
        return name + "/" + arity;
    }
}
