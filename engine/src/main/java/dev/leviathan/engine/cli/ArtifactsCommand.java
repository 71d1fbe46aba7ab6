package dev.leviathan.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.artifact.ArtifactReport;
import dev.leviathan.engine.artifact.ArtifactStore;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;

@Command(mixinStandardHelpOptions = true, name = "artifacts", description = "Check the content-addressed artifact store.",
        subcommands = {ArtifactsCommand.Verify.class})
final class ArtifactsCommand extends GroupCommand {

    @Command(mixinStandardHelpOptions = true, name = "verify", description = {"Rehash every artifact and check that every artifact named by an",
            "artifact.created event is present. Exits 1 if any is corrupt or missing."})
    static final class Verify extends LeafCommand {

        Verify(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            List<String> referenced = new ArrayList<>();
            long external = 0;
            long after = 0;
            while (true) {
                List<StoredEvent> page = engine().store().read(EventQuery.after(after, 5_000)
                        .withTypes(Set.of(EventType.ARTIFACT_CREATED.wire())));
                for (StoredEvent event : page) {
                    var payload = event.payload().json();
                    var sha = payload.get("sha256");
                    var uri = payload.path("uri").asText("");
                    // An artifact stored elsewhere (the Python tool's S3 or file:// URIs) is not ours to check.
                    if (sha != null && sha.isTextual() && (uri.isEmpty() || uri.startsWith("artifact:"))) {
                        referenced.add(sha.asText());
                    } else if (sha != null) {
                        external++;
                    }
                }
                if (page.size() < 5_000) {
                    break;
                }
                after = page.getLast().seq();
            }
            ArtifactStore artifacts = new ArtifactStore(engine().home().artifactsDir());
            ArtifactReport report = artifacts.verify(referenced);
            if (global.json) {
                ObjectNode json = Json.object();
                json.put("ok", report.ok());
                json.put("checked", report.checked());
                json.put("bytes", report.bytes());
                json.put("external_not_checked", external);
                ArrayNode corrupt = json.putArray("corrupt");
                report.corrupt().forEach(corrupt::add);
                ArrayNode missing = json.putArray("missing");
                report.missing().forEach(missing::add);
                ArrayNode stray = json.putArray("stray");
                report.stray().forEach(stray::add);
                out().json(json);
            } else {
                report.corrupt().forEach(sha -> out().line("corrupt: " + sha));
                report.missing().forEach(sha -> out().line("missing: " + sha));
                out().line(report.summary() + " in " + artifacts.root()
                        + (external == 0 ? "" : "; " + external + " stored elsewhere, not checked"));
            }
            return report.ok() ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }
}
