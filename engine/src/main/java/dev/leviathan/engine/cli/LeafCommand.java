package dev.leviathan.engine.cli;

import dev.leviathan.engine.Engine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command that does something: it takes the global options and returns an exit code. */
abstract class LeafCommand implements Callable<Integer>, Leviathanctl.HasGlobalOptions {

    @Mixin
    GlobalOptions global;

    final Cli cli;

    LeafCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public GlobalOptions global() {
        return global;
    }

    Engine engine() {
        return cli.engine(global);
    }

    Output out() {
        return cli.output;
    }
}
