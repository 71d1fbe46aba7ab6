package dev.leviathan.engine.execute;

import dev.leviathan.engine.config.Secret;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The attempt's log: lines kept in order, every known secret replaced by {@code [redacted]}
 * before it is kept, and capped so a chatty command cannot fill the disk.
 */
public final class RedactingLog implements ExecutionLog {

    /** Beyond this many characters the log keeps a note that it was cut, and nothing more. */
    static final int MAX_CHARS = 2 * 1024 * 1024;

    private final List<String> secrets;
    private final Consumer<String> follower;
    private final List<String> lines = new ArrayList<>();
    private int chars;
    private boolean cut;

    public RedactingLog(List<Secret> secrets) {
        this(secrets, line -> { });
    }

    /** A log that also hands every kept line, already redacted, to {@code follower} as it comes. */
    public RedactingLog(List<Secret> secrets, Consumer<String> follower) {
        this.secrets = secrets.stream().map(Secret::reveal).filter(s -> s.length() >= 4).toList();
        this.follower = follower;
    }

    @Override
    public synchronized void line(String text) {
        if (cut) {
            return;
        }
        String clean = redact(text == null ? "" : text);
        if (chars + clean.length() > MAX_CHARS) {
            keep("[log cut at " + MAX_CHARS + " characters]");
            cut = true;
            return;
        }
        chars += clean.length() + 1;
        keep(clean);
    }

    private void keep(String clean) {
        lines.add(clean);
        follower.accept(clean);
    }

    public String redact(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "[redacted]");
        }
        return out;
    }

    public synchronized List<String> lines() {
        return Collections.unmodifiableList(new ArrayList<>(lines));
    }

    public synchronized String text() {
        return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    }
}
