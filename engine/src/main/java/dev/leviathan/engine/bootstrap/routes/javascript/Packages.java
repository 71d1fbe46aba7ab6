package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code package.json} manifests of a commit, by directory (for directory imports) and by
 * package name (for workspace packages a monorepo imports by name). Two manifests with one name
 * (a template copied into examples, say): the one nearest the root, then the first by path, wins.
 */
final class Packages {

    private static final Comparator<PackageManifest> PRECEDENCE = Comparator
            .comparingInt((PackageManifest m) -> m.dir().isEmpty() ? 0 : m.dir().split("/").length)
            .thenComparing(PackageManifest::dir);

    static final Packages NONE = new Packages(List.of());

    private final Map<String, PackageManifest> byDir = new TreeMap<>();
    private final Map<String, PackageManifest> byName = new TreeMap<>();

    Packages(List<PackageManifest> manifests) {
        for (PackageManifest m : manifests.stream().sorted(PRECEDENCE).toList()) {
            byDir.putIfAbsent(m.dir(), m);
            if (m.name() != null) {
                byName.putIfAbsent(m.name(), m);
            }
        }
    }

    Optional<PackageManifest> at(String dir) {
        return Optional.ofNullable(byDir.get(dir));
    }

    Optional<PackageManifest> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every manifest, by directory. */
    List<PackageManifest> all() {
        return List.copyOf(byDir.values());
    }

    /** The manifest of the package {@code path} belongs to: the nearest enclosing directory with one. */
    Optional<PackageManifest> enclosing(String path) {
        for (String d = parent(path); d != null; d = d.isEmpty() ? null : parent(d)) {
            PackageManifest m = byDir.get(d);
            if (m != null) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
