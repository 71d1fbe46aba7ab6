package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.List;

/**
 * A type of the repository placed in its file and hierarchy. Identity matters (two copies of a
 * class in two modules are two nodes), so this is a class, not a record; it is built once per
 * extraction and never shared between extractions.
 */
final class TypeNode {

    final TypeDecl decl;
    final ParsedFile file;
    final TypeNode outer;
    final String fqn;
    final List<TypeNode> nested = new ArrayList<>();
    /** Supertypes found in the repository, in declaration order. */
    final List<TypeNode> supertypes = new ArrayList<>();
    /** Direct subtypes found in the repository, in file order. */
    final List<TypeNode> subtypes = new ArrayList<>();

    TypeNode(TypeDecl decl, ParsedFile file, TypeNode outer, String fqn) {
        this.decl = decl;
        this.file = file;
        this.outer = outer;
        this.fqn = fqn;
    }

    String name() {
        return decl.name();
    }

    Scope scope() {
        return new Scope(file, this);
    }

    TypeNode nestedNamed(String name) {
        for (TypeNode child : nested) {
            if (child.name().equals(name)) {
                return child;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return fqn + " (" + file.path() + ")";
    }
}
