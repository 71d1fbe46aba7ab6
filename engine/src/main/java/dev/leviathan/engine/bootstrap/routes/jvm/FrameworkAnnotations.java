package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.Set;

/**
 * Which framework annotation an annotation use denotes, decided by the file's imports as the
 * compiler would: a qualified name, a single-type import (or Kotlin alias), a wildcard import of
 * the framework's package. An annotation imported from elsewhere ({@code retrofit2.http.GET},
 * {@code io.micronaut.http.annotation.Controller}) is not the framework's. An annotation not
 * imported at all is taken for the framework's unless a wildcard import of some other library
 * could supply it, or the repository declares a type of that name where the file sees it
 * (teaching projects write their own {@code @GetMapping}): that keeps snippets without imports
 * working and Retrofit's {@code import retrofit2.http.*} out.
 */
final class FrameworkAnnotations {

    private final CodeBase code;

    FrameworkAnnotations(CodeBase code) {
        this.code = code;
    }

    /** The fully qualified name among {@code candidates} that {@code use} denotes in {@code file}, or null. */
    String denoted(AnnotationUse use, ParsedFile file, Set<String> candidates) {
        String written = use.name();
        if (written.indexOf('.') >= 0) {
            return relocated(written, candidates);
        }
        for (ImportDecl imp : file.imports()) {
            if (!imp.wildcard() && !imp.isStatic() && written.equals(imp.visibleName())) {
                return relocated(imp.name(), candidates);
            }
        }
        boolean otherLibrary = false;
        for (ImportDecl imp : file.imports()) {
            if (imp.wildcard() && !imp.isStatic()) {
                String candidate = relocated(imp.name() + "." + written, candidates);
                if (candidate != null) {
                    return candidate;
                }
                otherLibrary |= !isPlatform(imp.name());
            }
        }
        if (otherLibrary || code.seesOwnType(written, file)) {
            return null;
        }
        for (String candidate : candidates) {
            if (candidate.endsWith("." + written)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * {@code name} itself when it is a candidate, or the candidate it is a shaded copy of: a
     * server that relocates its JAX-RS dependency (HBase's REST server imports
     * {@code org.apache.hbase.thirdparty.javax.ws.rs.GET}) serves the same annotations.
     */
    private static String relocated(String name, Set<String> candidates) {
        if (candidates.contains(name)) {
            return name;
        }
        for (String candidate : candidates) {
            if (name.endsWith("." + candidate)) {
                return candidate;
            }
        }
        return null;
    }

    boolean denotes(AnnotationUse use, ParsedFile file, Set<String> candidates) {
        return denoted(use, file, candidates) != null;
    }

    private static boolean isPlatform(String pkg) {
        return pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("jakarta.")
                || pkg.startsWith("kotlin.") || pkg.startsWith("org.springframework.");
    }

    static String simpleName(String fqn) {
        return fqn.substring(fqn.lastIndexOf('.') + 1);
    }
}
