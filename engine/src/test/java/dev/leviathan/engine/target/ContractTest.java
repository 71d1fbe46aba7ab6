package dev.leviathan.engine.target;

import static dev.leviathan.engine.target.Fixtures.assertProblem;
import static dev.leviathan.engine.target.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContractTest {

    @Test
    void loadsEveryFieldOfThePythonLeviathanContract() {
        Contract contract = TargetFiles.loadContract(Fixtures.path(Fixtures.PYTHON + ".leviathan/contract.yaml"));

        assertThat(contract.name()).isEqualTo("leviathan");
        assertThat(contract.purpose()).startsWith("Event-sourced control plane");
        assertThat(contract.description()).contains("hash-chained journal");
        assertThat(contract.definitionOfDone()).hasSize(6);
        assertThat(contract.safety().outputMode()).isEqualTo(Contract.OutputMode.PR_ONLY);
        assertThat(contract.safety().humanApprovalRequired()).isTrue();
        assertThat(contract.safety().constraints()).hasSize(5);
        assertThat(contract.scope().inScope()).contains("Documentation");
        assertThat(contract.scope().outOfScope()).hasSize(3);
        assertThat(contract.qualityGates()).hasSize(4);
        assertThat(contract.versioning()).containsEntry("contract_version", "0.1.0");
    }

    @Test
    void fillsInSafeDefaultsForAMinimalContract() {
        Contract contract = TargetFiles.loadContract("contract.yaml", "name: demo\n");

        assertThat(contract.safety()).isEqualTo(Contract.Safety.defaults());
        assertThat(contract.purpose()).isEmpty();
        assertThat(contract.definitionOfDone()).isEmpty();
    }

    @Test
    void rejectsAContractWithoutName() {
        Problem problem = only(TargetFiles.validateContract("c.yaml", "purpose: x\n"));

        assertProblem(problem, 1, 1, "name", "add name:");
    }

    @Test
    void rejectsHumanApprovalWrittenAsText() {
        Problem problem = only(TargetFiles.validateContract("c.yaml",
                "name: demo\nsafety:\n  human_approval_required: 'true'\n"));

        assertProblem(problem, 3, 28, "safety.human_approval_required", "use true or false");
    }
}
