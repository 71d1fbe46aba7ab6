package dev.leviathan.engine.execute.llm;

import dev.leviathan.engine.execute.ExecutionResult.FailureKind;
import java.util.Optional;

/** What one round got from the endpoint: the model's reply, or why there is none. */
sealed interface ModelAnswer {

    /**
     * The model answered. {@code model} is the model the endpoint says answered (it may name a
     * dated version of the one asked for); {@code refusal} is set when the endpoint reports that
     * the model declined (OpenAI's {@code refusal} field); {@code truncated} when it stopped at
     * the token cap.
     */
    record Reply(String model, String text, Optional<String> refusal, boolean truncated, Usage usage)
            implements ModelAnswer {
    }

    /** No usable answer: the attempt ends with this kind and reason (already redacted). */
    record Failure(FailureKind kind, String reason) implements ModelAnswer {
    }

    /** Tokens of one round; {@code reported} is false when the endpoint gave none and they were estimated. */
    record Usage(long promptTokens, long completionTokens, boolean reported) {
    }
}
