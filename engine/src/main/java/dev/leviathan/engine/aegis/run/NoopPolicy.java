package dev.leviathan.engine.aegis.run;

import java.util.Optional;

/** Never acts: what the cluster does on its own. */
public final class NoopPolicy implements Policy {

    @Override
    public String name() {
        return "noop";
    }

    @Override
    public Optional<Decision> observe(Observation observation) {
        return Optional.empty();
    }
}
