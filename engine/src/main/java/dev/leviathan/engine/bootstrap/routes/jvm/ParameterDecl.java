package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/**
 * A parameter of an annotated method: its name and the annotations written on it. Read only for
 * methods with annotations, where a parameter's annotation can add to the route (Actuator's
 * {@code @Selector} adds a path segment).
 */
record ParameterDecl(String name, List<AnnotationUse> annotations) {
}
