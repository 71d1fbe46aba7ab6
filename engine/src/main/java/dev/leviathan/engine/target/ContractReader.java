package dev.leviathan.engine.target;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code contract.yaml}. */
final class ContractReader {

    static final String EMPTY_HINT = "start with name: and purpose:";

    private static final List<String> FIELDS = List.of("name", "purpose", "description", "definition_of_done",
            "safety", "scope", "quality_gates", "versioning");

    private ContractReader() {
    }

    static Optional<Contract> read(Node root, Problems problems) {
        Optional<YamlMap> mapping = YamlValues.mapping(root, FieldPath.root(), problems);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = mapping.get();
        map.allowOnly(FIELDS);
        Optional<String> name = map.requiredText("name", "add name: followed by the target's name");
        String purpose = map.text("purpose").orElse("");
        String description = map.text("description").orElse("");
        List<String> done = map.textList("definition_of_done");
        Contract.Safety safety = map.map("safety").map(ContractReader::safety).orElse(Contract.Safety.defaults());
        Contract.Scope scope = map.map("scope").map(ContractReader::scope).orElse(new Contract.Scope(List.of(), List.of()));
        List<String> gates = map.textList("quality_gates");
        var versioning = map.plainMap("versioning");
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Contract(name.orElseThrow(), purpose, description, done, safety, scope, gates,
                versioning, problems.warnings()));
    }

    private static Contract.Safety safety(YamlMap map) {
        map.allowOnly(List.of("output_mode", "human_approval_required", "constraints"));
        return new Contract.Safety(
                map.choice("output_mode", "output_mode", Contract.OutputMode.BY_WORD).orElse(Contract.OutputMode.PR_ONLY),
                map.bool("human_approval_required", true), map.textList("constraints"));
    }

    private static Contract.Scope scope(YamlMap map) {
        map.allowOnly(List.of("in_scope", "out_of_scope"));
        return new Contract.Scope(map.textList("in_scope"), map.textList("out_of_scope"));
    }
}
