package dev.leviathan.engine.bootstrap.routes.javascript;

/** An evaluated call argument and the expression it came from (the spread, for spread elements). */
record CallArg(Value value, Expr source) {
}
