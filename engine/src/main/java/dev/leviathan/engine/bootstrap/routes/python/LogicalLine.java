package dev.leviathan.engine.bootstrap.routes.python;

import java.util.List;

/** One logical line of Python: physical lines joined by brackets or backslashes, with its indentation. */
record LogicalLine(int indent, List<Token> tokens) {

    int line() {
        return tokens.get(0).line();
    }
}
