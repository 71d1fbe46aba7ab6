package dev.leviathan.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandTreeTest {

    private static CommandLine rootFor(String... args) {
        java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
        Leviathanctl.Factory factory = new Leviathanctl.Factory(new Cli(java.util.Map.of(), new Output(sink, sink),
                java.time.Clock.systemUTC()));
        CommandLine root = new CommandLine(new Leviathanctl(), factory);
        Leviathanctl.addCommands(root, args);
        return root;
    }

    @Test
    void onlyTheNamedCommandIsModelled() {
        assertThat(rootFor("bootstrap", "shop").getSubcommands().keySet()).containsExactly("bootstrap");
        assertThat(rootFor("--home", "/tmp/x", "--json", "events", "verify").getSubcommands().keySet())
                .as("global options and their values are skipped").containsExactly("events");
        assertThat(rootFor("--store", "targets", "graph").getSubcommands().keySet())
                .as("a value that looks like a command is a value").containsExactly("graph");
    }

    @Test
    void helpATypoOrNoCommandSeeEveryCommandInOrder() {
        for (String[] args : new String[][] {{}, {"--help"}, {"bootstrp"}, {"--version", "--help"}}) {
            assertThat(rootFor(args).getSubcommands().keySet()).hasSize(Leviathanctl.COMMANDS.size())
                    .startsWith("targets", "bootstrap", "backlog").endsWith("worker");
        }
    }

    @Test
    void aBareVersionModelsNoCommand() {
        assertThat(rootFor("--version").getSubcommands()).isEmpty();
        assertThat(rootFor("-V").getSubcommands()).isEmpty();
        assertThat(rootFor("--version", "bootstrap").getSubcommands().keySet()).containsExactly("bootstrap");
    }
}
