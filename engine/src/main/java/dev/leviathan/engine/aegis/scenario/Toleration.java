package dev.leviathan.engine.aegis.scenario;

import java.util.Optional;

/**
 * A pod toleration, matched as Kubernetes does: {@code Exists} ignores the value, an empty key with
 * {@code Exists} tolerates every taint, and an absent effect matches every effect.
 */
public record Toleration(String key, TolerationOperator operator, String value, Optional<TaintEffect> effect) {

    public boolean tolerates(Taint taint) {
        if (effect.isPresent() && effect.get() != taint.effect()) {
            return false;
        }
        if (key.isEmpty()) {
            return operator == TolerationOperator.EXISTS;
        }
        if (!key.equals(taint.key())) {
            return false;
        }
        return operator == TolerationOperator.EXISTS || value.equals(taint.value());
    }
}
