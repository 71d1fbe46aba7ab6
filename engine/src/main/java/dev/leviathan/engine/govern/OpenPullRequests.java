package dev.leviathan.engine.govern;

import java.util.Objects;

/**
 * How many pull requests of the target the forge reports open. Counting can fail (the forge is
 * unreachable, rate-limited, answers garbage); then dispatch stops: the count never defaults
 * to zero.
 */
public sealed interface OpenPullRequests {

    record Counted(int count) implements OpenPullRequests {
        public Counted {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
        }
    }

    /** @param reason what went wrong, for the operator (no secrets: it goes into an event) */
    record Unavailable(String reason) implements OpenPullRequests {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
