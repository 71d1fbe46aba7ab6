package dev.leviathan.console.governor;

/**
 * One limit beside its current count.
 *
 * @param now     the current count from the target's events, or "—" when the limit is not a count
 * @param allowed the value; both values ("1 / 2") when policy.yaml sets one too
 * @param setBy   the field and the file that set it, in the same order as {@code allowed}
 */
public record LimitRow(String limit, String now, String allowed, String setBy) {
}
