package dev.leviathan.engine.cli;

/** Placeholder until the CLI lands in this same change. */
public final class Leviathanctl {
    public static void main(String[] args) {
    }
}
