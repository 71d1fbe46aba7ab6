package dev.leviathan.console.governor;

/**
 * One limit beside its current count.
 *
 * @param now     the current count from the target's events, or "—" when the limit is not a count
 * @param allowed the value, with the file that sets it; both files when policy.yaml sets one too
 */
public record LimitRow(String limit, String now, String allowed) {
}
