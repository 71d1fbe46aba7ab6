package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every type and Kotlin top-level property of one commit, with names resolved the way javac and
 * kotlinc would for the cases that matter here: a type name through enclosing types, the file,
 * single-type imports, the package, wildcard imports; a constant through the enclosing types and
 * their supertypes (interface constants, Kotlin companions), static and Kotlin imports, and the
 * package's top-level properties. When one name has several candidates (copies of a class in
 * several modules) the one whose file shares the longest directory prefix with the referring
 * file wins, so each module sees its own.
 */
final class CodeBase {

    private final List<TypeNode> types = new ArrayList<>();
    private final Map<String, List<TypeNode>> byFqn = new HashMap<>();
    private final Map<String, List<TypeNode>> bySimpleName = new HashMap<>();
    private final Map<ParsedFile, List<TypeNode>> topTypes = new IdentityHashMap<>();
    private final Map<String, List<FieldSite>> topLevelFields = new HashMap<>();
    private final Map<TypeDecl, TypeNode> byDecl = new IdentityHashMap<>();

    CodeBase(List<ParsedFile> files) {
        for (ParsedFile file : files) {
            List<TypeNode> top = new ArrayList<>();
            String prefix = file.packageName().isEmpty() ? "" : file.packageName() + ".";
            for (TypeDecl decl : file.types()) {
                top.add(add(decl, file, null, prefix + decl.name()));
            }
            topTypes.put(file, top);
            for (FieldDecl field : file.topLevelFields()) {
                topLevelFields.computeIfAbsent(file.packageName() + "#" + field.name(), k -> new ArrayList<>())
                        .add(new FieldSite(field, new Scope(file, null)));
            }
        }
        for (TypeNode node : types) {
            Scope scope = new Scope(node.file, node.outer);
            for (String name : node.decl.supertypes()) {
                TypeNode supertype = resolveType(name, scope);
                if (supertype != null && supertype != node && !node.supertypes.contains(supertype)) {
                    node.supertypes.add(supertype);
                    supertype.subtypes.add(node);
                }
            }
        }
    }

    private TypeNode add(TypeDecl decl, ParsedFile file, TypeNode outer, String fqn) {
        TypeNode node = new TypeNode(decl, file, outer, fqn);
        types.add(node);
        byDecl.put(decl, node);
        byFqn.computeIfAbsent(fqn, k -> new ArrayList<>()).add(node);
        bySimpleName.computeIfAbsent(decl.name(), k -> new ArrayList<>()).add(node);
        for (TypeDecl child : decl.nested()) {
            node.nested.add(add(child, file, node, fqn + "." + child.name()));
        }
        return node;
    }

    /** The node of a declaration read from one of the files, or null. */
    TypeNode node(TypeDecl decl) {
        return byDecl.get(decl);
    }

    /** Every type, in file order and, within a file, in declaration order (outer before nested). */
    List<TypeNode> types() {
        return Collections.unmodifiableList(types);
    }

    /** The type {@code dotted} names where it is written, or null when it is not in the repository. */
    TypeNode resolveType(String dotted, Scope scope) {
        int dot = dotted.indexOf('.');
        TypeNode node = resolveSimpleType(dot < 0 ? dotted : dotted.substring(0, dot), scope);
        if (node != null && dot >= 0) {
            node = navigate(node, dotted.substring(dot + 1));
        }
        if (node == null && dot >= 0) {
            node = nearest(byFqn.get(dotted), scope.file());
        }
        return node;
    }

    private static TypeNode navigate(TypeNode node, String path) {
        for (String segment : path.split("\\.")) {
            node = node.nestedNamed(segment);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private TypeNode resolveSimpleType(String name, Scope scope) {
        for (TypeNode t = scope.type(); t != null; t = t.outer) {
            if (t.name().equals(name)) {
                return t;
            }
            TypeNode member = memberType(t, name);
            if (member != null) {
                return member;
            }
        }
        ParsedFile file = scope.file();
        for (TypeNode top : topTypes.getOrDefault(file, List.of())) {
            if (top.name().equals(name)) {
                return top;
            }
        }
        boolean imported = false;
        for (ImportDecl imp : file.imports()) {
            if (!imp.wildcard() && !imp.isStatic() && name.equals(imp.visibleName())) {
                TypeNode hit = nearest(byFqn.get(imp.name()), file);
                if (hit != null) {
                    return hit;
                }
                imported = true;
            }
        }
        if (imported) {
            return null;
        }
        String pkg = file.packageName();
        TypeNode samePackage = nearest(byFqn.get(pkg.isEmpty() ? name : pkg + "." + name), file);
        if (samePackage != null) {
            return samePackage;
        }
        for (ImportDecl imp : file.imports()) {
            if (imp.wildcard()) {
                TypeNode hit = nearest(byFqn.get(imp.name() + "." + name), file);
                if (hit != null) {
                    return hit;
                }
            }
        }
        // Last resort for names whose import we cannot see (generated sources, copy-pasted
        // snippets): a type only the repository's one declaration of that name can be.
        List<TypeNode> all = bySimpleName.get(name);
        return all != null && all.size() == 1 && all.get(0).outer == null ? all.get(0) : null;
    }

    /** A member type of {@code t} or of its supertypes (Java inherits nested types). */
    private static TypeNode memberType(TypeNode t, String name) {
        for (TypeNode node : Hierarchy.of(t)) {
            TypeNode child = node.nestedNamed(name);
            if (child != null) {
                return child;
            }
        }
        return null;
    }

    /**
     * Whether a type of the repository called {@code simpleName} is visible in {@code file}
     * without an import: declared in the file, its package, or a package it imports with a
     * wildcard.
     */
    boolean seesOwnType(String simpleName, ParsedFile file) {
        for (TypeNode top : topTypes.getOrDefault(file, List.of())) {
            if (top.name().equals(simpleName)) {
                return true;
            }
        }
        String pkg = file.packageName();
        if (byFqn.containsKey(pkg.isEmpty() ? simpleName : pkg + "." + simpleName)) {
            return true;
        }
        for (ImportDecl imp : file.imports()) {
            if (imp.wildcard() && !imp.isStatic() && byFqn.containsKey(imp.name() + "." + simpleName)) {
                return true;
            }
        }
        return false;
    }

    /** The field {@code dotted} names where it is written, or null. */
    FieldSite resolveField(String dotted, Scope scope) {
        int dot = dotted.lastIndexOf('.');
        if (dot < 0) {
            return resolveSimpleField(dotted, scope);
        }
        String owner = dotted.substring(0, dot);
        String name = dotted.substring(dot + 1);
        TypeNode type = resolveType(owner, scope);
        if (type != null) {
            return fieldInHierarchy(type, name);
        }
        return topLevel(owner, name, scope.file());
    }

    private FieldSite resolveSimpleField(String name, Scope scope) {
        for (TypeNode t = scope.type(); t != null; t = t.outer) {
            FieldSite site = fieldInHierarchy(t, name);
            if (site != null) {
                return site;
            }
        }
        ParsedFile file = scope.file();
        boolean kotlin = file.dialect() == Dialect.KOTLIN;
        for (ImportDecl imp : file.imports()) {
            if (!imp.wildcard() && (imp.isStatic() || kotlin) && name.equals(imp.visibleName())) {
                String member = imp.name().substring(imp.name().lastIndexOf('.') + 1);
                FieldSite site = memberOf(imp.qualifier(), member, file);
                if (site != null) {
                    return site;
                }
            }
        }
        FieldSite samePackage = topLevel(file.packageName(), name, file);
        if (samePackage != null) {
            return samePackage;
        }
        for (ImportDecl imp : file.imports()) {
            if (imp.wildcard() && (imp.isStatic() || kotlin)) {
                FieldSite site = memberOf(imp.name(), name, file);
                if (site != null) {
                    return site;
                }
            }
        }
        return null;
    }

    /**
     * Field {@code name} of the type called {@code qualifier}, or the Kotlin top-level property
     * {@code name} of package {@code qualifier}.
     */
    private FieldSite memberOf(String qualifier, String name, ParsedFile from) {
        TypeNode owner = nearest(byFqn.get(qualifier), from);
        if (owner != null) {
            return fieldInHierarchy(owner, name);
        }
        return topLevel(qualifier, name, from);
    }

    private FieldSite topLevel(String pkg, String name, ParsedFile from) {
        List<FieldSite> sites = topLevelFields.get(pkg + "#" + name);
        if (sites == null) {
            return null;
        }
        for (FieldSite site : sites) {
            if (site.scope().file() == from) {
                return site;
            }
        }
        FieldSite best = null;
        int bestShared = -1;
        for (FieldSite site : sites) {
            int shared = sharedDirectories(site.scope().file().path(), from.path());
            if (shared > bestShared) {
                best = site;
                bestShared = shared;
            }
        }
        return best;
    }

    /** Field {@code name} of the type, its Kotlin companion, or its supertypes (interface constants are inherited). */
    private static FieldSite fieldInHierarchy(TypeNode type, String name) {
        for (TypeNode node : Hierarchy.of(type)) {
            for (FieldDecl field : node.decl.fields()) {
                if (field.name().equals(name)) {
                    return new FieldSite(field, node.scope());
                }
            }
            for (TypeNode child : node.nested) {
                if (child.decl.companion()) {
                    for (FieldDecl field : child.decl.fields()) {
                        if (field.name().equals(name)) {
                            return new FieldSite(field, child.scope());
                        }
                    }
                }
            }
        }
        return null;
    }

    private static TypeNode nearest(List<TypeNode> candidates, ParsedFile from) {
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        TypeNode best = null;
        int bestShared = -1;
        for (TypeNode candidate : candidates) {
            int shared = candidate.file == from ? Integer.MAX_VALUE
                    : sharedDirectories(candidate.file.path(), from.path());
            if (shared > bestShared) {
                best = candidate;
                bestShared = shared;
            }
        }
        return best;
    }

    /** How many leading directories two repository paths have in common. */
    static int sharedDirectories(String a, String b) {
        int shared = 0;
        int i = 0;
        int limit = Math.min(a.length(), b.length());
        while (i < limit && a.charAt(i) == b.charAt(i)) {
            if (a.charAt(i) == '/') {
                shared++;
            }
            i++;
        }
        return shared;
    }
}
