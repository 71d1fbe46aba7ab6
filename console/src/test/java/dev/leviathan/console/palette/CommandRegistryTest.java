package dev.leviathan.console.palette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRegistryTest {

    private static CommandRegistry registry() {
        CommandRegistry registry = new CommandRegistry();
        registry.add(Command.of("go.targets", "Go to Targets", "Screen", "", () -> { }));
        registry.add(Command.of("go.governor", "Go to Governor", "Screen", "", () -> { }));
        registry.add(Command.of("governor.dry-run", "Dry-run schedule", "Governor", "decide", () -> { }));
        registry.add(Command.of("go.settings", "Go to Settings", "Screen", "open preferences", () -> { }));
        return registry;
    }

    private static List<String> ids(List<Command> commands) {
        return commands.stream().map(Command::id).toList();
    }

    @Test
    void blankQueryListsEveryCommandInRegistrationOrder() {
        assertThat(ids(registry().matching("  "))).containsExactly("go.targets", "go.governor",
                "governor.dry-run", "go.settings");
    }

    @Test
    void everyWordMustOccurInTitleGroupOrKeywords() {
        assertThat(ids(registry().matching("open settings"))).containsExactly("go.settings");
        assertThat(ids(registry().matching("GOVERNOR decide"))).containsExactly("governor.dry-run");
        assertThat(registry().matching("kubernetes")).isEmpty();
    }

    @Test
    void titlesStartingWithTheQueryComeFirst() {
        // "Dry-run schedule" is in group Governor; "Go to Governor" has a title word starting with it.
        assertThat(ids(registry().matching("dry"))).containsExactly("governor.dry-run");
        assertThat(ids(registry().matching("gov"))).containsExactly("go.governor", "governor.dry-run");
    }

    @Test
    void refusesASecondCommandWithTheSameId() {
        CommandRegistry registry = registry();
        assertThatThrownBy(() -> registry.add(Command.of("go.targets", "Again", "", "", () -> { })))
                .hasMessageContaining("go.targets");
    }
}
