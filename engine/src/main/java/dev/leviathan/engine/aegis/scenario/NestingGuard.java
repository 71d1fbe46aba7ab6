package dev.leviathan.engine.aegis.scenario;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A parser that refuses collections nested deeper than a limit, so SnakeYAML's recursive composer never
 * overflows the stack on a file of a million {@code [}; and that remembers the last position it passed,
 * for SnakeYAML errors that come without one.
 */
final class NestingGuard implements Parser {

    /** Thrown where a collection opens below the limit. */
    static final class TooDeep extends RuntimeException {
        final transient Optional<Mark> mark;

        TooDeep(Optional<Mark> mark) {
            super(null, null, false, false);
            this.mark = mark;
        }
    }

    private final Parser delegate;
    private final int maxDepth;
    private int depth;
    private Optional<Mark> lastMark = Optional.empty();

    NestingGuard(Parser delegate, int maxDepth) {
        this.delegate = delegate;
        this.maxDepth = maxDepth;
    }

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
