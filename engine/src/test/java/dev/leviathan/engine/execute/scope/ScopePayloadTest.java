package dev.leviathan.engine.execute.scope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

class ScopePayloadTest {

    private static final ObjectId OLD = ObjectId.fromString("1111111111111111111111111111111111111111");
    private static final ObjectId NEW = ObjectId.fromString("2222222222222222222222222222222222222222");

    @Test
    void aRefusalBecomesTheViolationsOfTheAttemptFailedEvent() {
        ScopeVerdict verdict = new ScopeVerdict.Refused(List.of(
                new Violation("docs/x", ScopeRule.SYMLINK_ESCAPES_TREE, "adds the symlink 'docs/x': its target '/etc/passwd'"
                        + " is absolute, outside the repository"),
                new Violation("src/app.py", ScopeRule.OUTSIDE_ALLOWED_PATHS, "changes 'src/app.py': the path is outside"
                        + " the task's allowed paths (docs/)")));

        assertThat(Payload.of(ScopePayload.of(verdict)).canonical()).isEqualTo("{\"violation_count\":2,\"violations\":["
                + "{\"message\":\"adds the symlink 'docs/x': its target '/etc/passwd' is absolute, outside the repository\","
                + "\"path\":\"docs/x\",\"rule\":\"symlink_escapes_tree\"},"
                + "{\"message\":\"changes 'src/app.py': the path is outside the task's allowed paths (docs/)\","
                + "\"path\":\"src/app.py\",\"rule\":\"outside_allowed_paths\"}]}");
    }

    @Test
    void aLongListOfViolationsIsCutToFitAnEventButStillCounted() {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String path = "src/module" + i + "/generated_file_with_a_long_name.py";
            violations.add(new Violation(path, ScopeRule.OUTSIDE_ALLOWED_PATHS,
                    "changes '" + path + "': the path is outside the task's allowed paths (docs/)"));
        }

        ObjectNode json = ScopePayload.violations(violations);

        assertThat(json.get("violation_count").asInt()).isEqualTo(20_000);
        assertThat(json.get("violations_truncated").asBoolean()).isTrue();
        assertThat(json.get("violations").size()).isBetween(100, 19_999);
        assertThat(Payload.of(json).canonical().length()).isLessThan(Payload.MAX_CHARS);
    }

    @Test
    void anAllowedVerdictListsItsChangesAndNotices() {
        TreeEntry before = TreeEntry.file("docs/run.sh", EntryMode.FILE, OLD, 10);
        TreeEntry after = TreeEntry.file("docs/tools/run.sh", EntryMode.EXECUTABLE, OLD, 10);
        ScopeVerdict verdict = new ScopeVerdict.Allowed(List.of(
                Change.between(before, after),
                Change.added(new TreeEntry("docs/latest", EntryMode.SYMLINK, NEW, 4, Optional.of("v2.md")))),
                List.of(new Notice("docs/tools/run.sh", "'docs/tools/run.sh' becomes executable")));

        assertThat(Payload.of(ScopePayload.of(verdict)).canonical()).isEqualTo("{\"change_count\":2,\"changes\":["
                + "{\"kind\":\"renamed\",\"new_mode\":\"executable\",\"new_object\":\"" + OLD.name() + "\","
                + "\"old_mode\":\"file\",\"old_object\":\"" + OLD.name() + "\",\"old_path\":\"docs/run.sh\","
                + "\"path\":\"docs/tools/run.sh\",\"size_bytes\":10},"
                + "{\"kind\":\"added\",\"link_target\":\"v2.md\",\"new_mode\":\"symlink\",\"new_object\":\"" + NEW.name()
                + "\",\"path\":\"docs/latest\",\"size_bytes\":4}],"
                + "\"notices\":[{\"message\":\"'docs/tools/run.sh' becomes executable\",\"path\":\"docs/tools/run.sh\"}]}");
    }

    @Test
    void ignoredPathsAreListedWithTheirReason() {
        ObjectNode json = ScopePayload.ignored(List.of(new IgnoredPath("node_modules/", IgnoredPath.Reason.GITIGNORED),
                new IgnoredPath("docs/pipe", IgnoredPath.Reason.SPECIAL_FILE)));

        assertThat(Payload.of(json).canonical()).isEqualTo("{\"ignored\":[{\"path\":\"node_modules/\",\"reason\":"
                + "\"gitignored\"},{\"path\":\"docs/pipe\",\"reason\":\"special_file\"}],\"ignored_count\":2}");
    }
}
