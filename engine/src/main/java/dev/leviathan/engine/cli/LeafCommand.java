package dev.leviathan.engine.cli;

import dev.leviathan.engine.Engine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that does something: it takes the global options and returns an exit code. */
abstract class LeafCommand implements Callable<Integer>, Leviathanctl.HasGlobalOptions {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    final Cli cli;

    LeafCommand(Cli cli) {
        this.cli = cli;
    }

    /** Runs the command with the global options given anywhere on the line, nearest first. */
    @Override
    public final Integer call() throws Exception {
        for (CommandSpec parent = spec.parent(); parent != null; parent = parent.parent()) {
            Object command = parent.userObject();
            if (command instanceof GroupCommand group) {
                global.inheritFrom(group.global);
            } else if (command instanceof Leviathanctl root) {
                global.inheritFrom(root.global);
            }
        }
        return execute();
    }

    protected abstract Integer execute() throws Exception;

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
