package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/**
 * A class, interface, enum, record, annotation type or Kotlin object, with what the route finders
 * need: annotations, the supertypes as written (dotted, without type arguments), and members.
 *
 * @param companion a Kotlin {@code companion object}: its members are visible unqualified in the
 *     enclosing class and qualified by the enclosing class's name
 */
record TypeDecl(String name, Kind kind, boolean isAbstract, boolean companion, List<AnnotationUse> annotations,
        List<String> supertypes, List<FieldDecl> fields, List<MethodDecl> methods, List<TypeDecl> nested, int line) {

    enum Kind { CLASS, INTERFACE, ENUM, RECORD, OBJECT, ANNOTATION }

    /** Whether instances of exactly this type can exist (so it can be a controller bean or resource). */
    boolean isConcrete() {
        return !isAbstract && kind != Kind.INTERFACE && kind != Kind.ANNOTATION;
    }
}
