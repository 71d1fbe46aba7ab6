package dev.leviathan.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code targets}, {@code events}…). It takes the global
 * options too, so {@code leviathanctl events --json verify} works like
 * {@code leviathanctl events verify --json}.
 */
abstract class GroupCommand implements Runnable {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand of '"
                + spec.qualifiedName(" ").replaceFirst("^leviathanctl ?", "") + "': "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("neighbors")).toList()));
    }
}
