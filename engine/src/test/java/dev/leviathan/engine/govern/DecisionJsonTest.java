package dev.leviathan.engine.govern;

import static dev.leviathan.engine.govern.TaskYaml.backlog;
import static dev.leviathan.engine.govern.TaskYaml.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.event.CanonicalJson;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.target.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionJsonTest {

    private final Scheduler scheduler = new Scheduler();

    @Test
    void writesTheScheduleDecidedPayload() {
        List<Task> tasks = backlog(task("write-guide").with("status", "completed"),
                task("add-faq").with("priority", "high"), task("fix-typo"));
        History history = new History();
        tasks.forEach(history::approved);
        ScheduleDecision decision = scheduler.decide(Targets.input(tasks, history.snapshot(), History.T0));

        String json = CanonicalJson.write(DecisionJson.payload(decision));

        assertThat(json).isEqualTo("{\"blockers\":[],\"chosen_task_id\":\"add-faq\",\"decided_at\":"
                + "\"2026-11-22T10:00:00Z\",\"mode\":\"autonomous\",\"open_prs\":0,\"prs_last_hour\":0,"
                + "\"reasons\":[{\"code\":\"not_pending\",\"message\":\"status is completed in the backlog\","
                + "\"task_id\":\"write-guide\"},{\"code\":\"lower_priority\",\"message\":\"eligible, but add-faq goes"
                + " first (priority high)\",\"task_id\":\"fix-typo\"}],\"reasons_omitted\":0,\"target_id\":\"demo\"}");
    }

    @Test
    void writesNullsWhenNothingIsChosenAndTheCountFailed() {
        List<Task> tasks = backlog(task("add-faq"));
        SchedulingInput input = new SchedulingInput("demo", tasks, Targets.policy(), Targets.autonomy(),
                new History().snapshot(), new OpenPullRequests.Unavailable("timeout"), false, History.T0,
                new SchedulingMode.Manual("add-faq"));

        String json = CanonicalJson.write(DecisionJson.payload(scheduler.decide(input)));

        assertThat(json).isEqualTo("{\"blockers\":[{\"code\":\"open_pr_count_unavailable\",\"message\":\"cannot count"
                + " open pull requests (timeout): nothing is dispatched until the forge answers\"}],"
                + "\"chosen_task_id\":null,\"decided_at\":\"2026-11-22T10:00:00Z\",\"mode\":\"manual\","
                + "\"open_prs\":null,\"prs_last_hour\":0,\"reasons\":[{\"code\":\"not_approved\",\"message\":\"not"
                + " approved: review it, then run `leviathanctl approve add-faq --target demo`\",\"task_id\":"
                + "\"add-faq\"},{\"code\":\"open_pr_count_unavailable\",\"message\":\"cannot count open pull requests"
                + " (timeout): nothing is dispatched until the forge answers\",\"task_id\":\"add-faq\"}],"
                + "\"reasons_omitted\":0,\"target_id\":\"demo\"}");
    }

    @Test
    void keepsAHugeBacklogsPayloadWithinTheEventLimitAndCountsWhatItLeftOut() {
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            reasons.add(new Reason("task-" + i, ReasonCode.NOT_APPROVED,
                    "not approved: review it, then run `leviathanctl approve task-" + i + " --target demo`"));
        }
        ScheduleDecision decision = new ScheduleDecision("demo", new SchedulingMode.Autonomous(),
                java.util.Optional.empty(), reasons, List.of(), new OpenPullRequests.Counted(0), 0, History.T0);

        var payload = DecisionJson.payload(decision);

        assertThat(Payload.of(payload).canonical().length()).isLessThan(Payload.MAX_CHARS);
        assertThat(payload.get("reasons").size() + payload.get("reasons_omitted").asInt()).isEqualTo(20_000);
        assertThat(payload.get("reasons_omitted").asInt()).isPositive();
    }

    @Test
    void replacesLoneSurrogatesSoThePayloadIsValid() {
        SchedulingInput input = new SchedulingInput("demo", backlog(task("add-faq")), Targets.policy(),
                Targets.autonomy(), new History().snapshot(), new OpenPullRequests.Unavailable("bad \uD800 byte"),
                false, History.T0, new SchedulingMode.Autonomous());

        Payload payload = Payload.of(DecisionJson.payload(scheduler.decide(input)));

        assertThat(payload.json().get("blockers").get(0).get("message").asText()).contains("bad \uFFFD byte");
    }

    @Test
    void theEventOfADecisionIsTheSameWhenRecordedTwice() {
        List<Task> tasks = backlog(task("add-faq"));
        ScheduleDecision decision = scheduler.decide(Targets.input(tasks, new History().snapshot(), History.T0));

        EventEnvelope first = DecisionJson.event(decision, "leviathan", 41);
        EventEnvelope second = DecisionJson.event(decision, "leviathan", 41);

        assertThat(first).isEqualTo(second);
        assertThat(first.eventType()).isEqualTo("schedule.decided");
        assertThat(first.targetId()).isEqualTo("demo");
        assertThat(first.timestamp()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(DecisionJson.event(decision, "leviathan", 42).eventId()).isNotEqualTo(first.eventId());
    }
}
