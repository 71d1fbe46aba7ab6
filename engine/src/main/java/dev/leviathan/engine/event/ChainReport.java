package dev.leviathan.engine.event;

/** The verdict of {@link EventStore#verify()}: the whole chain intact, or its first broken link. */
public sealed interface ChainReport {

    /** Events checked before the verdict. */
    long checked();

    boolean intact();

    /** One line for an operator. */
    String summary();

    /** How the chain relates to the head kept outside the database. */
    enum HeadCheck {
        /** The head file records this store at a seq the chain holds with the same hash. */
        MATCHES,
        /** No head file yet (a store never appended to by this data directory). */
        NO_HEAD_FILE
    }

    /** Every link checked and the head file agrees. */
    record Intact(long checked, ChainHead head, HeadCheck headCheck, java.util.List<String> replacedHeadFiles)
            implements ChainReport {

        public Intact {
            replacedHeadFiles = java.util.List.copyOf(replacedHeadFiles);
        }

        public Intact(long checked, ChainHead head, HeadCheck headCheck) {
            this(checked, head, headCheck, java.util.List.of());
        }

        @Override
        public boolean intact() {
            return true;
        }

        @Override
        public String summary() {
            String file = switch (headCheck) {
                case MATCHES -> "head file agrees";
                case NO_HEAD_FILE -> "no head file to compare";
            };
            return "chain intact: " + checked + (checked == 1 ? " event" : " events") + ", head seq " + head.seq() + " "
                    + head.shortHash() + ", " + file + (replacedHeadFiles.isEmpty() ? ""
                            : "; note: this location held another store before (" + String.join(", ", replacedHeadFiles)
                                    + ")");
        }
    }

    /** The first broken link: what is wrong and at which seq. */
    record Broken(long seq, Breakage breakage, String detail, long checked) implements ChainReport {

        @Override
        public boolean intact() {
            return false;
        }

        @Override
        public String summary() {
            if (breakage == Breakage.STORE_REPLACED) {
                return "store REPLACED (" + breakage.code() + "): " + detail;
            }
            return "chain BROKEN at seq " + seq + " (" + breakage.code() + "): " + detail;
        }
    }

    /** Kinds of breakage, each with a stable code for scripts. */
    enum Breakage {
        /** A seq is missing: an event was deleted. */
        MISSING_EVENT("missing-event"),
        /** prev_hash does not equal the previous event's hash: reordered, inserted or deleted rows. */
        LINK_BROKEN("link-broken"),
        /** The event's content no longer hashes to its stored hash: edited. */
        CONTENT_ALTERED("content-altered"),
        /** A row that cannot be read as an event (bad JSON, bad timestamp). */
        MALFORMED_EVENT("malformed-event"),
        /** The database's own head row disagrees with the last event. */
        HEAD_ROW_MISMATCH("head-row-mismatch"),
        /** The head file records more events than the chain holds: events were cut off. */
        TRUNCATED("truncated"),
        /** The head file's hash differs from the chain's event at that seq: history rewritten. */
        HISTORY_REWRITTEN("history-rewritten"),
        /** The head file names another store: the database at this location was replaced. */
        STORE_REPLACED("store-replaced");

        private final String code;

        Breakage(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
