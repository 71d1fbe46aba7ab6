package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/**
 * A handler method of a controller or resource as the framework sees it: the most derived
 * declaration of the method ({@code declared}, where the handler lives) and the declaration
 * carrying its mapping annotations ({@code annotated}: the same one, or an overridden method of an
 * interface or superclass).
 */
record Handler(MethodDecl declared, TypeNode declaredIn, MethodDecl annotated, TypeNode annotatedIn,
        List<AnnotationUse> annotations) {

    /** Whether the mapping annotations sit on the handler's own declaration. */
    boolean annotatedInPlace() {
        return declared == annotated && declaredIn == annotatedIn;
    }

    String file() {
        return declaredIn.file.path();
    }
}
