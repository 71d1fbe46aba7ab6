package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/**
 * The body of a method or Kotlin function in its file's tokens ({@code start} to {@code end}):
 * what router code written in it belongs to, so a call of the method can be followed to the
 * router function it returns or the builder it fills.
 *
 * @param builderParams the names of its {@code RouterFunctions.Builder} parameters (a method
 *     given to {@code path("/api", this::apiRoutes)} as a {@code Consumer<Builder>}), in order
 * @param returnsRouter whether its declared return type is a {@code RouterFunction}
 * @param bean whether it is annotated {@code @Bean}: Spring serves what it returns on its own,
 *     however many other router functions also include it
 */
record MethodSpan(String name, int arity, int start, int end, List<String> builderParams, boolean returnsRouter,
        boolean bean) {
}
