package dev.leviathan.engine.aegis.sim;

import java.util.SortedMap;

/** An {@code allow_traffic} action's rule: calls from pods matching {@code from} to pods matching {@code to} pass. */
record AllowRule(SortedMap<String, String> from, SortedMap<String, String> to) {
}
