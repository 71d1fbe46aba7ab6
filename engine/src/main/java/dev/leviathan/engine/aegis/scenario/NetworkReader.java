package dev.leviathan.engine.aegis.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.snakeyaml.engine.v2.nodes.Node;

/** The declared {@code services} and the {@code network_policies}. */
final class NetworkReader {

    static final List<String> SERVICE_FIELDS = List.of("name", "selector", "port", "target_port");
    static final List<String> POLICY_FIELDS = List.of("name", "selector", "allow_from");
    static final int DEFAULT_PORT = 80;
    /** The port most apps listen on, and a workload's default {@code port}. */
    static final int DEFAULT_TARGET_PORT = 8080;

    private NetworkReader() {
    }

    static List<Located<ServiceSpec>> services(YamlMapping top, ReadContext cx) {
        UniqueNames names = UniqueNames.of("service name", cx.problems());
        return Sections.each(top, "services", m -> {
            m.allowOnly(SERVICE_FIELDS);
            String example = "a service is {name: api, selector: {app: api}, port: 80, target_port: 8080}";
            Optional<String> name = cx.declaration(m, "name", References.Kind.SERVICE, example);
            boolean unique = name.map(n -> names.add(n, m.get("name").orElseThrow(), m.pathOf("name"))).orElse(false);
            Optional<SortedMap<String, String>> selector = m.required("selector", Values.labels(), example)
                    .filter(labels -> {
                        if (labels.isEmpty()) {
                            // Labels.matches would let {} select every workload; Kubernetes gives such a
                            // Service no endpoints at all, so neither reading is safe to guess.
                            m.error("selector", "a Service needs a selector with at least one label",
                                    "a Kubernetes Service without a selector has no endpoints; select pods like {app: api}");
                            return false;
                        }
                        return true;
                    });
            Optional<Integer> port = m.has("port") ? m.optional("port", Values.count(1, 65535)) : Optional.of(DEFAULT_PORT);
            Optional<Integer> target = m.has("target_port") ? m.optional("target_port", Values.count(1, 65535))
                    : Optional.of(DEFAULT_TARGET_PORT);
            if (!unique || selector.isEmpty() || port.isEmpty() || target.isEmpty()) {
                return Optional.empty();
            }
            ServiceSpec service = new ServiceSpec(name.get(), selector.get(), port.get(), target.get(), true);
            return Optional.of(new Located<>(service, m.get("name").orElseThrow(), m.pathOf("name")));
        });
    }

    /**
     * The policies; each is dormant when a {@code netpol_lockout} event names it (the names are known
     * only after the chaos is read, so the caller passes them).
     */
    static List<NetworkPolicySpec> policies(YamlMapping top, ReadContext cx, Set<String> lockedOut) {
        UniqueNames names = UniqueNames.of("network policy name", cx.problems());
        return Sections.each(top, "network_policies", m -> {
            m.allowOnly(POLICY_FIELDS);
            String example = "a policy is {name: api-ingress, selector: {app: api}, allow_from: [{app: web}]}";
            Optional<String> name = cx.declaration(m, "name", References.Kind.POLICY, example);
            boolean unique = name.map(n -> names.add(n, m.get("name").orElseThrow(), m.pathOf("name"))).orElse(false);
            Optional<SortedMap<String, String>> selector = m.required("selector", Values.labels(), example);
            Optional<List<SortedMap<String, String>>> allowFrom = allowFrom(m);
            if (!unique || selector.isEmpty() || allowFrom.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new NetworkPolicySpec(name.get(), selector.get(), allowFrom.get(),
                    lockedOut.contains(name.get())));
        });
    }

    /** Absent or {@code []}: the policy admits no caller at all, as an ingress policy without rules does. */
    private static Optional<List<SortedMap<String, String>>> allowFrom(YamlMapping m) {
        Optional<List<Node>> items = m.has("allow_from") ? m.optional("allow_from", Values.list())
                : Optional.of(List.of());
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<SortedMap<String, String>> out = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            Values.labels().read(items.get().get(i), m.pathOf("allow_from").index(i), m.problems()).ifPresent(out::add);
        }
        return out.size() == items.get().size() ? Optional.of(out) : Optional.empty();
    }
}
