package dev.leviathan.engine.target;

import java.util.List;

/**
 * {@code .leviathan/bootstrap.yaml}: which paths of a commit the bootstrap indexes.
 *
 * <p>A path is indexed when it matches one of {@code include} (or {@code include} is empty), is
 * not under a default exclusion (unless {@code defaultExcludes} is off) and matches none of
 * {@code exclude}. The public Python Leviathan's {@code bootstrap.exclude} replaced its defaults
 * and ignored {@code include}; here {@code exclude} adds to the defaults, {@code include} works,
 * and {@code default_excludes: false} turns the defaults off.
 *
 * @param apiRoutes whether API routes are extracted ({@code api_routes.enabled})
 */
public record BootstrapConfig(List<Glob> include, List<Glob> exclude, boolean defaultExcludes, boolean apiRoutes,
        List<Problem> warnings) {

    public static final String PATH = ".leviathan/bootstrap.yaml";

    public BootstrapConfig {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        warnings = List.copyOf(warnings);
    }

    /** What a commit without {@code bootstrap.yaml} gets. */
    public static BootstrapConfig defaults() {
        return new BootstrapConfig(List.of(), List.of(), true, true, List.of());
    }
}
