package dev.leviathan.engine.graph;

/** The kinds of node the graph holds (DESIGN.md §Graph). */
public enum NodeType {
    TARGET("Target"),
    COMMIT("Commit"),
    FILE("File"),
    DOC("Doc"),
    WORKFLOW("Workflow"),
    API_ROUTE("ApiRoute"),
    TASK("Task"),
    APPROVAL("Approval"),
    ATTEMPT("Attempt"),
    ARTIFACT("Artifact"),
    PULL_REQUEST("PullRequest"),
    JOB("Job");

    private final String label;

    NodeType(String label) {
        this.label = label;
    }

    /** The name used on the wire, in the CLI and in the console. */
    public String label() {
        return label;
    }

    public static NodeType ofLabel(String label) {
        for (NodeType type : values()) {
            if (type.label.equalsIgnoreCase(label) || type.name().equalsIgnoreCase(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown node type '" + label + "'; known: "
                + java.util.Arrays.stream(values()).map(NodeType::label).toList());
    }
}
