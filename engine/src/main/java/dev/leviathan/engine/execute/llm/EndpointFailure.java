package dev.leviathan.engine.execute.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a request to the endpoint produced no answer, thrown by {@link EndpointTransport} through
 * LangChain4j's client (which passes exceptions without an HTTP cause through unchanged) and
 * turned into an attempt outcome by {@link ModelEndpoint}. Messages never carry the key.
 */
abstract sealed class EndpointFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EndpointFailure(String message) {
        super(message, null, false, false);
    }

    /** The endpoint answered with a status outside 2xx. */
    static final class Status extends EndpointFailure {
        private static final long serialVersionUID = 1L;
        private final int code;
        private final transient Optional<Duration> retryAfter;
        private final String excerpt;

        Status(int code, Optional<Duration> retryAfter, String excerpt) {
            super("HTTP " + code);
            this.code = code;
            this.retryAfter = retryAfter;
            this.excerpt = excerpt;
        }

        int code() {
            return code;
        }

        Optional<Duration> retryAfter() {
            return retryAfter;
        }

        /** The start of the endpoint's error message, printable; not yet redacted. */
        String excerpt() {
            return excerpt;
        }

        boolean retriable() {
            return code == 408 || code == 429 || code >= 500;
        }
    }

    /** No HTTP answer at all: refused, reset, or a host that does not resolve. */
    static final class Unreachable extends EndpointFailure {
        private static final long serialVersionUID = 1L;
        private final boolean unknownHost;

        Unreachable(String detail, boolean unknownHost) {
            super(detail);
            this.unknownHost = unknownHost;
        }

        boolean unknownHost() {
            return unknownHost;
        }
    }

    /** The exchange did not finish within the call's time. */
    static final class TimedOut extends EndpointFailure {
        private static final long serialVersionUID = 1L;

        TimedOut(Duration after) {
            super("no complete answer within " + after.toMillis() + " ms");
        }
    }

    /** The attempt was cancelled while the request was waiting. */
    static final class Cancelled extends EndpointFailure {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled");
        }
    }

    /** The answer was larger than the executor reads. */
    static final class TooLarge extends EndpointFailure {
        private static final long serialVersionUID = 1L;
        private final int limit;

        TooLarge(int limit) {
            super("the answer is larger than " + limit + " bytes");
            this.limit = limit;
        }

        int limit() {
            return limit;
        }
    }
}
