package dev.leviathan.engine.target;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A parser that stops a document nesting deeper than {@code maxDepth} before SnakeYAML's
 * recursive composer can overflow the stack, and remembers where it was for errors that SnakeYAML
 * reports without a position (too many aliases).
 */
final class LimitedParser implements Parser {

    /** Thrown when a collection opens below the depth limit. */
    static final class TooDeep extends RuntimeException {
        final Optional<Mark> mark;

        TooDeep(Optional<Mark> mark) {
            super(null, null, false, false);
            this.mark = mark;
        }
    }

    private final Parser delegate;
    private final int maxDepth;
    private int depth;
    private Optional<Mark> lastMark = Optional.empty();

    LimitedParser(Parser delegate, int maxDepth) {
        this.delegate = delegate;
        this.maxDepth = maxDepth;
    }

    /** Where the last event the composer took started. */
    Optional<Mark> lastMark() {
        return lastMark;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return delegate.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return delegate.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return delegate.hasNext();
    }

    @Override
    public Event next() {
        Event event = delegate.next();
        lastMark = event.getStartMark();
        switch (event.getEventId()) {
            case SequenceStart, MappingStart -> {
                if (++depth > maxDepth) {
                    throw new TooDeep(event.getStartMark());
                }
            }
            case SequenceEnd, MappingEnd -> depth--;
            default -> {
            }
        }
        return event;
    }
}
