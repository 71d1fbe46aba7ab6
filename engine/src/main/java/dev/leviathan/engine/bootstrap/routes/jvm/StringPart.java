package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/** A piece of a string literal: literal text, or a Kotlin template expression ({@code $name}, {@code ${expr}}). */
sealed interface StringPart {

    record Text(String value) implements StringPart {
    }

    /** The tokens of a template expression; {@code start}/{@code end} bound its source text. */
    record Code(List<Token> tokens, int start, int end) implements StringPart {
    }
}
