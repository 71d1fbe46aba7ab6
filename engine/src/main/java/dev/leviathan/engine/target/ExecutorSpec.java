package dev.leviathan.engine.target;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A task's optional {@code executor}: how a worker carries it out. One record per {@code type}. */
public sealed interface ExecutorSpec {

    /** The {@code type} words, in the order error hints list them. */
    List<String> TYPES = List.of(Command.TYPE, Patch.TYPE, Docs.TYPE, BacklogPropose.TYPE, Llm.TYPE);

    /** The {@code type} as written in the backlog. */
    String type();

    /** {@code {type: command, run: "make docs", timeout_s: 120}}: a command run in the worktree. */
    record Command(String run, Duration timeout) implements ExecutorSpec {
        public static final String TYPE = "command";
        /** Used when {@code timeout_s} is not given. */
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code {type: patch, diff: "..."}}: a unified diff carried by the task. */
    record Patch(String diff) implements ExecutorSpec {
        public static final String TYPE = "patch";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code {type: docs, kind: routes, path: docs/api.md}}: documentation generated from the graph. */
    record Docs(DocsKind kind, Optional<String> path) implements ExecutorSpec {
        public static final String TYPE = "docs";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code {type: backlog-propose}}: deterministic task proposals from graph facts. */
    record BacklogPropose() implements ExecutorSpec {
        public static final String TYPE = "backlog-propose";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code {type: llm, model: "...", max_tokens: 4000}}: a chat model proposes file edits. */
    record Llm(Optional<String> model, Optional<Long> maxTokens) implements ExecutorSpec {
        public static final String TYPE = "llm";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** What a {@link Docs} executor writes. */
    enum DocsKind {
        ROUTES, WORKFLOWS;

        static final Map<String, DocsKind> BY_WORD = Words.of(values(), DocsKind::word);

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
