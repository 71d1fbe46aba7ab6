package dev.leviathan.engine.aegis.scenario;

import org.snakeyaml.engine.v2.nodes.Node;

/** A value read from the file with the node (and path) that named it, for problems found later. */
record Located<T>(T value, Node at, FieldPath path) {
}
