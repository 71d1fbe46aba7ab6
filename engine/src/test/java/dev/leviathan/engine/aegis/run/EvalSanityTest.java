package dev.leviathan.engine.aegis.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.aegis.scenario.ScenarioSuite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an eval of the shipped suites must show for the baselines to mean anything: the oracle (who
 * knows the answer) recovers every scenario that needs a fix and acts in no control; doing nothing
 * recovers none of them; every run repeats its trace hash; and the report is the same on one thread
 * as on several.
 */
class EvalSanityTest {

    private static EvalReport full;

    private static List<EvalCase> suite(String name) {
        return ScenarioSuite.load(Path.of("../scenarios").resolve(name)).stream()
                .map(f -> new EvalCase(f.scenario(), f.text(), f.sha256())).toList();
    }

    private static Evaluator evaluator(int threads) {
        return new Evaluator((name, c) -> Baselines.create(name, c.scenario(), c.scenario().seed()).orElseThrow(), threads);
    }

    @BeforeAll
    static void evalFullSuite() {
        full = evaluator(2).eval(suite("full"), Baselines.NAMES);
    }

    private static PolicySummary summary(EvalReport report, String policy) {
        return report.summaries().stream().filter(s -> s.policy().equals(policy)).findFirst().orElseThrow();
    }

    @Test
    void theFullSuiteHasAtLeastFortyScenariosAndControls() {
        PolicySummary oracle = summary(full, "oracle");
        assertThat(oracle.scenarios()).isGreaterThanOrEqualTo(40);
        assertThat(oracle.controls()).isGreaterThanOrEqualTo(5);
        assertThat(oracle.needFix()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void theOracleMeetsTheObjectivesOfEveryScenarioThatNeedsAFixAndActsInNoControl() {
        PolicySummary oracle = summary(full, "oracle");
        assertThat(oracle.metNeedingFix()).isEqualTo(oracle.needFix());
        assertThat(oracle.falsePositives()).isZero();
        assertThat(oracle.diagnosisAccuracy()).isEqualTo(1.0);
        assertThat(oracle.remedyAccuracy()).isEqualTo(1.0);
    }

    @Test
    void doingNothingMeetsTheObjectivesOfNoScenarioThatNeedsAFix() {
        PolicySummary noop = summary(full, "noop");
        assertThat(noop.metNeedingFix()).isZero();
        assertThat(noop.falsePositives()).isZero();
    }

    @Test
    void theRulesAndRandomBaselinesLandBetween() {
        PolicySummary oracle = summary(full, "oracle");
        PolicySummary rules = summary(full, "rules");
        PolicySummary random = summary(full, "random");
        assertThat(rules.metNeedingFix()).isBetween(1, oracle.metNeedingFix() - 1);
        assertThat(random.metNeedingFix()).isLessThan(rules.metNeedingFix());
        assertThat(random.falsePositives()).isPositive();
    }

    @Test
    void everyRunRepeatsItsTraceHash() {
        for (PolicySummary s : full.summaries()) {
            assertThat(s.deterministic()).as(s.policy()).isEqualTo(s.scenarios());
        }
    }

    @Test
    void oneThreadAndSeveralGiveTheSameReport() {
        List<EvalCase> smoke = suite("smoke");
        EvalReport one = evaluator(1).eval(smoke, Baselines.NAMES);
        EvalReport four = evaluator(4).eval(smoke, Baselines.NAMES);
        assertThat(four.runs()).extracting(RunResult::traceHash).containsExactlyElementsOf(
                one.runs().stream().map(RunResult::traceHash).toList());
        assertThat(EvalJson.table(four)).isEqualTo(EvalJson.table(one));
    }

    @Test
    void theJsonSummaryPutsTheFirstPolicyOnTopAndEveryPolicyBesideIt() {
        var json = EvalJson.write(full);
        assertThat(json.path("runs").size()).isEqualTo(full.runs().size());
        assertThat(json.path("summary").path("mode").asText()).isEqualTo(Baselines.NAMES.getFirst());
        assertThat(json.path("summary").path("policies").fieldNames()).toIterable()
                .containsExactlyElementsOf(Baselines.NAMES);
        assertThat(json.path("summary").path("policies").path("oracle").path("deterministic").asBoolean()).isTrue();
    }
}
