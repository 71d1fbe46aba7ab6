package dev.leviathan.engine.execute.llm;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The messages of one round: the contract (system), the task with its files (user), and in a
 * repair round the model's last reply and what was wrong with it. Only the last reply is kept, so
 * a repair round's prompt stays the size of the first plus one reply.
 */
record Conversation(String system, String task, Optional<String> lastReply, Optional<String> repairNote) {

    static Conversation first(String system, String task) {
        return new Conversation(system, task, Optional.empty(), Optional.empty());
    }

    Conversation repair(String reply, String note) {
        return new Conversation(system, task, reply.isEmpty() ? Optional.empty() : Optional.of(reply), Optional.of(note));
    }

    int messageCount() {
        return 2 + lastReply.map(r -> 1).orElse(0) + repairNote.map(r -> 1).orElse(0);
    }

    long bytes() {
        return utf8(system) + utf8(task) + lastReply.map(Conversation::utf8).orElse(0L)
                + repairNote.map(Conversation::utf8).orElse(0L);
    }

    /** A rough token count for budgeting before the endpoint reports the real one: 4 bytes a token. */
    long estimatedTokens() {
        return estimate(bytes());
    }

    static long estimate(long bytes) {
        return (bytes + 3) / 4;
    }

    static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
