package dev.leviathan.engine.execute.scope;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import java.util.List;

/**
 * The scope guard's results as event payload fields (snake_case JSON, built at the edge). Lists
 * stop before they would fill a quarter of an event's payload ({@link Payload#MAX_CHARS}); the
 * count is always complete and {@code *_truncated} says when items were left out.
 */
public final class ScopePayload {

    /** Characters of listed items a payload fragment may hold. */
    static final int BUDGET = Payload.MAX_CHARS / 4;

    private ScopePayload() {
    }

    /**
     * {@code {"violations": [{path, rule, message}], "violation_count": n}} for a refusal, for the
     * {@code attempt.failed} event; {@code {"changes": […], "change_count": n, "notices": […]}} for
     * an allowed verdict.
     */
    public static ObjectNode of(ScopeVerdict verdict) {
        return switch (verdict) {
            case ScopeVerdict.Refused refused -> violations(refused.violations());
            case ScopeVerdict.Allowed allowed -> {
                ObjectNode out = changes(allowed.changes());
                out.setAll(notices(allowed.notices()));
                yield out;
            }
        };
    }

    public static ObjectNode violations(List<Violation> violations) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("violations");
        int used = 0;
        for (Violation violation : violations) {
            used += violation.path().length() + violation.message().length() + 48;
            if (used > BUDGET) {
                break;
            }
            ObjectNode item = items.addObject();
            item.put("path", violation.path());
            item.put("rule", violation.rule().wire());
            item.put("message", violation.message());
        }
        out.put("violation_count", violations.size());
        if (items.size() < violations.size()) {
            out.put("violations_truncated", true);
        }
        return out;
    }

    /**
     * {@code {"changes": [{kind, path, old_path?, old_mode?, new_mode?, old_object?, new_object?,
     * size?, link_target?}], "change_count": n}}.
     */
    public static ObjectNode changes(List<Change> changes) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("changes");
        int used = 0;
        for (Change change : changes) {
            ObjectNode item = Json.object();
            item.put("kind", change.kind().wire());
            item.put("path", change.path());
            change.before().ifPresent(before -> {
                if (change.kind() == Change.Kind.RENAMED) {
                    item.put("old_path", before.path());
                }
                item.put("old_mode", before.mode().wire());
                item.put("old_object", before.objectId().name());
            });
            change.after().ifPresent(after -> {
                item.put("new_mode", after.mode().wire());
                item.put("new_object", after.objectId().name());
                item.put("size_bytes", after.size());
                after.linkTarget().ifPresent(target -> item.put("link_target", target));
            });
            used += item.toString().length();
            if (used > BUDGET) {
                break;
            }
            items.add(item);
        }
        out.put("change_count", changes.size());
        if (items.size() < changes.size()) {
            out.put("changes_truncated", true);
        }
        return out;
    }

    public static ObjectNode notices(List<Notice> notices) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("notices");
        int used = 0;
        for (Notice notice : notices) {
            used += notice.path().length() + notice.message().length() + 32;
            if (used > BUDGET) {
                out.put("notices_truncated", true);
                break;
            }
            items.addObject().put("path", notice.path()).put("message", notice.message());
        }
        return out;
    }

    /** {@code {"ignored": [{path, reason}], "ignored_count": n}}, for the attempt's log. */
    public static ObjectNode ignored(List<IgnoredPath> ignored) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("ignored");
        int used = 0;
        for (IgnoredPath path : ignored) {
            used += path.path().length() + 48;
            if (used > BUDGET) {
                break;
            }
            items.addObject().put("path", path.path()).put("reason", path.reason().wire());
        }
        out.put("ignored_count", ignored.size());
        if (items.size() < ignored.size()) {
            out.put("ignored_truncated", true);
        }
        return out;
    }
}
