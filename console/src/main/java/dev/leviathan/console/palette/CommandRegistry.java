package dev.leviathan.console.palette;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every command the palette offers, in the order they were added. A screen adds its own by
 * returning them from {@code ScreenController.commands()}; the shell adds navigation and theme.
 */
public final class CommandRegistry {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    /** Adds {@code command}; an id already taken is a programming error. */
    public void add(Command command) {
        if (commands.putIfAbsent(command.id(), command) != null) {
            throw new IllegalArgumentException("a command with id " + command.id() + " is already registered");
        }
    }

    public void addAll(Collection<Command> more) {
        more.forEach(this::add);
    }

    public List<Command> all() {
        return List.copyOf(commands.values());
    }

    /**
     * The commands every word of {@code query} occurs in (title, group or keywords, ignoring case),
     * best first: a title that starts with the query, then titles with a word starting with the
     * first query word, then the rest, each in registration order. A blank query matches all.
     */
    public List<Command> matching(String query) {
        String wanted = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return all();
        }
        String[] words = wanted.split("\\s+");
        List<Command> found = new ArrayList<>();
        for (Command command : commands.values()) {
            String haystack = (command.title() + " " + command.group() + " " + command.keywords())
                    .toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String word : words) {
                all &= haystack.contains(word);
            }
            if (all) {
                found.add(command);
            }
        }
        // List.sort is stable: equal ranks keep registration order.
        found.sort(Comparator.comparingInt(command -> rank(command, wanted, words[0])));
        return List.copyOf(found);
    }

    private static int rank(Command command, String query, String firstWord) {
        String title = command.title().toLowerCase(Locale.ROOT);
        if (title.startsWith(query)) {
            return 0;
        }
        for (String word : title.split("\\s+")) {
            if (word.startsWith(firstWord)) {
                return 1;
            }
        }
        return 2;
    }
}
