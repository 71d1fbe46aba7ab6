package dev.leviathan.engine.govern;

import static dev.leviathan.engine.govern.TaskYaml.backlog;
import static dev.leviathan.engine.govern.TaskYaml.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.target.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTextTest {

    private final Scheduler scheduler = new Scheduler();

    @Test
    void printsOneLinePerTaskPassedOver() {
        List<Task> tasks = backlog(task("write-guide").with("status", "completed"),
                task("add-faq").with("priority", "high"), task("fix-typo").with("ready", "false"));
        History history = new History();
        tasks.forEach(history::approved);

        String text = DecisionText.render(scheduler.decide(Targets.input(tasks, history.snapshot(), History.T0)));

        assertThat(text).isEqualTo("""
                demo, autonomous, 2026-11-22T10:00:00Z: dispatch add-faq
                open pull requests: 0; opened in the last hour: 0
                write-guide  not_pending: status is completed in the backlog
                fix-typo     not_ready: not ready: set ready: true in the backlog when it may run
                """);
    }

    @Test
    void printsBlockersOnceAndTheirCodesOnEachTask() {
        List<Task> tasks = backlog(task("add-faq"), task("fix-typo").with("ready", "false"));
        History history = new History().autonomy(false, "freeze", false);
        tasks.forEach(history::approved);

        String text = DecisionText.render(scheduler.decide(Targets.input(tasks, history.snapshot(), History.T0)));

        assertThat(text).isEqualTo("""
                demo, autonomous, 2026-11-22T10:00:00Z: nothing to dispatch
                blocked: autonomy_disabled: autonomy disabled by alice at 2026-11-22T10:00:00Z (freeze): enable it \
                with `leviathanctl autonomy enable --target demo`, or dispatch a task by hand with `leviathanctl \
                dispatch TASK --target demo`
                open pull requests: 0; opened in the last hour: 0
                add-faq   autonomy_disabled
                fix-typo  not_ready: not ready: set ready: true in the backlog when it may run; autonomy_disabled
                """);
    }
}
