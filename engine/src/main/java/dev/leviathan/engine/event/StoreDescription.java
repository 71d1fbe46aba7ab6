package dev.leviathan.engine.event;

import java.nio.file.Path;

/** What the console's status bar and {@code leviathanctl} say about a store. */
public record StoreDescription(StoreKind kind, String location, String storeId, Path headFile) {
}
