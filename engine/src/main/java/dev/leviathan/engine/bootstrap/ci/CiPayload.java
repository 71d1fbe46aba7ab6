package dev.leviathan.engine.bootstrap.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.ActionUse;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Job;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Permission;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Permissions;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Service;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Trigger;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.WorkflowCall;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline.Include;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline.Need;
import dev.leviathan.engine.event.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A fact as an event payload. Every field is always present (null when the fact has no value),
 * names are snake_case, lists keep the fact's order, and every object's members are sorted by
 * name in canonical (RFC 8785) order, so the payload reads the same before and after
 * canonicalisation.
 */
final class CiPayload {

    private CiPayload() {
    }

    static ObjectNode of(CiFact fact) {
        ObjectNode payload = switch (fact) {
            case GithubWorkflow workflow -> workflow(workflow);
            case GitlabPipeline pipeline -> pipeline(pipeline);
            case MalformedCiFile malformed -> malformed(malformed);
        };
        payload.put("extractor_version", CiExtractor.VERSION);
        payload.put("path", fact.path());
        payload.put("system", lower(fact.system()));
        return sorted(payload);
    }

    private static ObjectNode malformed(MalformedCiFile malformed) {
        ObjectNode out = Json.object();
        out.put("fact", "malformed_ci_file");
        out.put("message", malformed.message());
        out.put("line", malformed.line());
        out.put("column", malformed.column());
        return out;
    }

    private static ObjectNode workflow(GithubWorkflow workflow) {
        ObjectNode out = Json.object();
        out.put("fact", "github_workflow");
        out.put("name", workflow.name());
        out.put("display_name", workflow.displayName());
        out.put("run_name", workflow.runName());
        out.set("triggers", array(workflow.triggers(), CiPayload::trigger));
        out.set("permissions", permissions(workflow.permissions()));
        out.set("env", strings(workflow.env()));
        if (workflow.concurrency() == null) {
            out.putNull("concurrency");
        } else {
            out.putObject("concurrency")
                    .put("group", workflow.concurrency().group())
                    .put("cancel_in_progress", workflow.concurrency().cancelInProgress());
        }
        if (workflow.defaults() == null) {
            out.putNull("defaults");
        } else {
            out.putObject("defaults")
                    .put("shell", workflow.defaults().shell())
                    .put("working_directory", workflow.defaults().workingDirectory());
        }
        out.set("jobs", array(workflow.jobs(), CiPayload::job));
        out.set("actions", array(workflow.actions(), CiPayload::action));
        out.set("notes", strings(workflow.notes()));
        return out;
    }

    private static ObjectNode trigger(Trigger trigger) {
        ObjectNode out = Json.object();
        out.put("event", trigger.event());
        out.set("branches", strings(trigger.branches()));
        out.set("branches_ignore", strings(trigger.branchesIgnore()));
        out.set("tags", strings(trigger.tags()));
        out.set("tags_ignore", strings(trigger.tagsIgnore()));
        out.set("paths", strings(trigger.paths()));
        out.set("paths_ignore", strings(trigger.pathsIgnore()));
        out.set("types", strings(trigger.types()));
        out.set("crons", strings(trigger.crons()));
        out.set("workflows", strings(trigger.workflows()));
        out.set("inputs", strings(trigger.inputs()));
        out.set("secrets", strings(trigger.secrets()));
        out.set("outputs", strings(trigger.outputs()));
        return out;
    }

    /** Scopes become an object (a map: members sorted by scope), the preset a string. */
    private static JsonNode permissions(Permissions permissions) {
        if (permissions == null) {
            return Json.MAPPER.nullNode();
        }
        ObjectNode out = Json.object();
        out.put("preset", permissions.preset());
        ObjectNode scopes = out.putObject("scopes");
        for (Permission permission : permissions.scopes()) {
            scopes.put(permission.scope(), permission.level());
        }
        return out;
    }

    private static ObjectNode job(Job job) {
        ObjectNode out = Json.object();
        out.put("id", job.id());
        out.put("name", job.name());
        if (job.runsOn() == null) {
            out.putNull("runs_on");
        } else {
            ObjectNode runsOn = out.putObject("runs_on");
            runsOn.set("labels", strings(job.runsOn().labels()));
            runsOn.put("group", job.runsOn().group());
        }
        out.set("needs", strings(job.needs()));
        out.set("permissions", permissions(job.permissions()));
        out.put("if", job.condition());
        if (job.environment() == null) {
            out.putNull("environment");
        } else {
            out.putObject("environment").put("name", job.environment().name()).put("url", job.environment().url());
        }
        if (job.matrix() == null) {
            out.putNull("matrix");
        } else {
            ObjectNode matrix = out.putObject("matrix");
            matrix.set("dimensions", strings(job.matrix().dimensions()));
            matrix.put("include", job.matrix().include());
            matrix.put("exclude", job.matrix().exclude());
            matrix.put("expression", job.matrix().expression());
        }
        out.put("container", job.container());
        out.set("services", array(job.services(), CiPayload::service));
        out.put("steps", job.steps());
        out.set("actions", array(job.actions(), CiPayload::action));
        out.set("call", job.call() == null ? Json.MAPPER.nullNode() : call(job.call()));
        return out;
    }

    private static ObjectNode service(Service service) {
        return Json.object().put("id", service.id()).put("image", service.image());
    }

    private static ObjectNode action(ActionUse action) {
        return Json.object().put("kind", lower(action.kind())).put("name", action.name()).put("ref", action.ref());
    }

    private static ObjectNode call(WorkflowCall call) {
        ObjectNode out = Json.object();
        out.put("uses", call.uses());
        out.put("local", call.local());
        out.put("repository", call.repository());
        out.put("path", call.path());
        out.put("ref", call.ref());
        out.set("with", strings(call.with()));
        out.set("secrets", strings(call.secrets()));
        out.put("secrets_inherit", call.secretsInherit());
        return out;
    }

    private static ObjectNode pipeline(GitlabPipeline pipeline) {
        ObjectNode out = Json.object();
        out.put("fact", "gitlab_pipeline");
        out.set("stages", strings(pipeline.stages()));
        out.set("declared_stages", strings(pipeline.declaredStages()));
        out.set("includes", array(pipeline.includes(), CiPayload::include));
        out.put("default_image", pipeline.defaultImage());
        out.set("default_keys", strings(pipeline.defaultKeys()));
        out.set("variables", strings(pipeline.variables()));
        out.put("workflow_rules", pipeline.workflowRules());
        out.put("workflow_name", pipeline.workflowName());
        out.set("inputs", strings(pipeline.inputs()));
        out.set("jobs", array(pipeline.jobs(), CiPayload::gitlabJob));
        out.set("templates", strings(pipeline.templates()));
        out.set("notes", strings(pipeline.notes()));
        return out;
    }

    private static ObjectNode include(Include include) {
        return Json.object()
                .put("kind", lower(include.kind()))
                .put("target", include.target())
                .put("project", include.project())
                .put("ref", include.ref())
                .put("job", include.job());
    }

    private static ObjectNode gitlabJob(GitlabPipeline.Job job) {
        ObjectNode out = Json.object();
        out.put("name", job.name());
        out.put("stage", job.stage());
        out.put("image", job.image());
        out.set("needs", job.needs() == null ? Json.MAPPER.nullNode() : array(job.needs(), CiPayload::need));
        out.set("dependencies", job.dependencies() == null ? Json.MAPPER.nullNode() : strings(job.dependencies()));
        out.set("extends", strings(job.extendsFrom()));
        out.put("rules", job.rules());
        out.put("only", job.only());
        out.put("except", job.except());
        out.put("when", job.when());
        out.put("environment", job.environment());
        if (job.trigger() == null) {
            out.putNull("trigger");
        } else {
            out.putObject("trigger")
                    .put("kind", lower(job.trigger().kind()))
                    .put("project", job.trigger().project())
                    .put("branch", job.trigger().branch())
                    .put("strategy", job.trigger().strategy())
                    .set("includes", array(job.trigger().includes(), CiPayload::include));
        }
        out.set("tags", strings(job.tags()));
        return out;
    }

    private static ObjectNode need(Need need) {
        return Json.object()
                .put("job", need.job())
                .put("project", need.project())
                .put("ref", need.ref())
                .put("pipeline", need.pipeline())
                .put("optional", need.optional());
    }

    private static <T> ArrayNode array(List<T> items, Function<T, ? extends JsonNode> element) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (T item : items) {
            out.add(element.apply(item));
        }
        return out;
    }

    private static ArrayNode strings(List<String> items) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        items.forEach(out::add);
        return out;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The same tree with every object's members in name order (String order is RFC 8785's UTF-16 order). */
    private static ObjectNode sorted(ObjectNode object) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            members.add(it.next());
        }
        members.sort(Map.Entry.comparingByKey());
        ObjectNode out = Json.object();
        for (Map.Entry<String, JsonNode> member : members) {
            out.set(member.getKey(), sortedNode(member.getValue()));
        }
        return out;
    }

    private static JsonNode sortedNode(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return sorted(object);
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            array.forEach(element -> out.add(sortedNode(element)));
            return out;
        }
        return node;
    }
}
