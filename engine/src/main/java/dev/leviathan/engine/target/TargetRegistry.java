package dev.leviathan.engine.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoredEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Registers target repositories ({@code target.registered}) and lists them from the store.
 * Registration checks what can be checked here: the name, the location, and for a local
 * repository that it is a git repository with the branch asked for and at least one commit.
 */
public final class TargetRegistry {

    public static final String REGISTERED = EventType.TARGET_REGISTERED.wire();
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final int MAX_ID = 63;
    static final String ALREADY_REGISTERED = "a target named '%s' is already registered: choose another name";

    private final EventStore store;
    private final Clock clock;
    private final Path workingDirectory;

    public TargetRegistry(EventStore store, Clock clock, Path workingDirectory) {
        this.store = store;
        this.clock = clock;
        this.workingDirectory = workingDirectory;
    }

    /** Registers the target or throws {@link TargetRegistrationException} naming every bad field. */
    public RegisteredTarget register(RegisterTargetRequest request) {
        Checked checked = check(request);
        if (!checked.problems().isEmpty()) {
            throw new TargetRegistrationException(checked.problems());
        }
        ObjectNode payload = Json.object();
        payload.put("target_id", checked.id());
        payload.put("repo", checked.location().value());
        payload.put("kind", checked.location().kind().wire());
        payload.put("default_branch", checked.branch());
        String operator = request.operator() == null || request.operator().isBlank() ? "operator" : request.operator();
        // The id is the name: a name is registered once, so finding a target is one lookup by id
        // (not a scan of the store), and the same registration hashes alike in any store.
        EventEnvelope event = EventEnvelope.of(eventId(checked.id()), REGISTERED, clock.instant(), operator,
                checked.id(), Payload.of(payload));
        StoredEvent stored = store.append(event).appended().getFirst();
        return toTarget(stored);
    }

    /** Every problem with a request, without recording anything: the console's inline validation. */
    public List<RegistrationProblem> validate(RegisterTargetRequest request) {
        return check(request).problems();
    }

    private record Checked(String id, RepoLocation location, String branch, List<RegistrationProblem> problems) {
    }

    private Checked check(RegisterTargetRequest request) {
        List<RegistrationProblem> problems = new ArrayList<>();
        RepoLocation location = null;
        try {
            location = RepoLocation.parse(request.repo(), workingDirectory);
        } catch (IllegalArgumentException e) {
            problems.add(new RegistrationProblem("repo", e.getMessage()));
        }
        String id = request.id() == null || request.id().isBlank()
                ? (location == null ? "" : deriveId(location.value()))
                : request.id().strip();
        if (id.isEmpty()) {
            if (location != null) {
                problems.add(new RegistrationProblem("id", "give the target a name, e.g. my-service"));
            }
        } else if (!ID.matcher(id).matches() || id.length() > MAX_ID) {
            problems.add(new RegistrationProblem("id", "'" + id + "' is not a valid name: use lower-case letters,"
                    + " digits and single dashes, at most " + MAX_ID + " characters (e.g. "
                    + deriveId(id) + ")"));
        } else if (find(id).isPresent()) {
            problems.add(new RegistrationProblem("id", ALREADY_REGISTERED.formatted(id)));
        }
        String branch = request.defaultBranch() == null ? "" : request.defaultBranch().strip();
        if (!branch.isEmpty() && (!BRANCH.matcher(branch).matches() || branch.contains("..")
                || branch.startsWith("/") || branch.endsWith("/") || branch.endsWith(".lock"))) {
            problems.add(new RegistrationProblem("default_branch", "'" + branch + "' is not a valid branch name"));
        }
        if (location != null && location.kind() == RepoLocation.Kind.LOCAL) {
            branch = checkLocal(location.path(), branch, problems);
        } else if (branch.isEmpty()) {
            branch = "main";
        }
        return new Checked(id, location, branch, problems);
    }

    /** Checks a local repository and returns the branch to use (detected when none was given). */
    private static String checkLocal(Path path, String branch, List<RegistrationProblem> problems) {
        java.io.File gitDir = RepositoryCache.FileKey.resolve(path.toFile(), FS.DETECTED);
        if (gitDir == null) {
            problems.add(new RegistrationProblem("repo", path + " is not a git repository"
                    + (path.toFile().isDirectory() ? "" : " (the directory does not exist)")
                    + ": give the path of a clone, or a git URL"));
            return branch;
        }
        try (Repository repository = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
            String chosen = branch.isEmpty() ? repository.getBranch() : branch;
            if (chosen == null || repository.exactRef(Constants.R_HEADS + chosen) == null) {
                List<String> branches = repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream()
                        .map(ref -> Repository.shortenRefName(ref.getName())).sorted().toList();
                problems.add(new RegistrationProblem("default_branch", branches.isEmpty()
                        ? path + " has no commits yet: commit something first"
                        : "branch '" + chosen + "' does not exist in " + path + "; branches: "
                                + String.join(", ", branches)));
            }
            return chosen == null ? "" : chosen;
        } catch (IOException e) {
            problems.add(new RegistrationProblem("repo", "cannot open the git repository at " + path + ": "
                    + e.getMessage()));
            return branch;
        }
    }

    /** {@code https://github.com/acme/My_Service.git} → {@code my-service}. */
    static String deriveId(String repo) {
        String name = repo.replaceAll("[/\\\\:]+$", "");
        name = name.substring(Math.max(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')),
                name.lastIndexOf(':')) + 1);
        if (name.endsWith(".git")) {
            name = name.substring(0, name.length() - 4);
        }
        name = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return name.length() > MAX_ID ? name.substring(0, MAX_ID).replaceAll("-+$", "") : name;
    }

    /** Registered targets in registration order. */
    public List<RegisteredTarget> list() {
        Map<String, RegisteredTarget> byId = new LinkedHashMap<>();
        long after = 0;
        while (true) {
            List<StoredEvent> page = store.read(EventQuery.after(after, 1_000).withTypes(Set.of(REGISTERED)));
            for (StoredEvent event : page) {
                RegisteredTarget target = toTarget(event);
                byId.putIfAbsent(target.id(), target);
            }
            if (page.size() < 1_000) {
                break;
            }
            after = page.getLast().seq();
        }
        return byId.values().stream().sorted(Comparator.comparingLong(RegisteredTarget::seq)).toList();
    }

    public Optional<RegisteredTarget> find(String id) {
        Optional<StoredEvent> registered = store.find(eventId(id));
        if (registered.isPresent()) {
            return registered.map(TargetRegistry::toTarget);
        }
        // Registrations imported from elsewhere (the Python Leviathan's) have ids of their own.
        return list().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    static String eventId(String targetId) {
        return REGISTERED + ":" + targetId;
    }

    private static RegisteredTarget toTarget(StoredEvent event) {
        JsonNode payload = event.payload().json();
        String id = payload.path("target_id").asText(event.targetId());
        String repo = payload.path("repo").asText(payload.path("repo_url").asText(""));
        RepoLocation.Kind kind = "local".equals(payload.path("kind").asText()) ? RepoLocation.Kind.LOCAL
                : RepoLocation.Kind.REMOTE;
        return new RegisteredTarget(id, repo, kind, payload.path("default_branch").asText("main"),
                event.envelope().instant(), event.envelope().actorId(), event.seq());
    }
}
