package dev.leviathan.engine.event;

import java.util.List;

/**
 * What one atomic append did: the events it stored (in order) and how many of the bundle were
 * already present, identical, and so skipped.
 */
public record AppendResult(List<StoredEvent> appended, int duplicates, ChainHead head) {

    public AppendResult {
        appended = List.copyOf(appended);
    }
}
