package dev.leviathan.engine.execute.docs;

import dev.leviathan.engine.bootstrap.RepositoryFacts;
import dev.leviathan.engine.bootstrap.ci.CiFact;
import dev.leviathan.engine.bootstrap.ci.CiSystem;
import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.target.ExecutorSpec;
import dev.leviathan.engine.target.Priority;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a commit's facts into task proposals, one per finding, most important first. The facts
 * say what is there; the work tree (the same commit) gives the lines to cite and the text of the
 * documentation pages. Deterministic: the same commit gives the same proposals in the same order.
 */
final class Findings {

    static final String ROUTES_DOC = DocsExecutor.DEFAULT_ROUTES_PATH;
    /** Undocumented routes listed in a description; the rest are counted. */
    static final int MAX_LISTED_ROUTES = 15;

    private static final int MAX_SLUG = 48;
    private static final int MAX_CI_BYTES = 1024 * 1024 + 1;

    private static final int UNREADABLE = 0;
    private static final int PULL_REQUEST_TARGET = 1;
    private static final int PERMISSIONS = 2;
    private static final int WRITE_ALL = 3;
    private static final int UNPINNED = 4;
    private static final int README = 5;
    private static final int ROUTES = 6;
    private static final int CONTRIBUTING = 7;
    private static final int CHANGELOG = 8;
    private static final int DEPLOY_CONCURRENCY = 9;

    /** Priority, then the rule's rank, then the finding: the order proposals are made in. */
    static final Comparator<Proposal> ORDER = Comparator.comparing(Proposal::priority)
            .thenComparingInt(Proposal::rank).thenComparing(Proposal::finding);

    private final RepositoryFacts facts;
    private final Path workTree;
    private final String footer;
    private final Map<String, WorkflowText> texts = new HashMap<>();

    private Findings(RepositoryFacts facts, Path workTree) {
        this.facts = facts;
        this.workTree = workTree;
        this.footer = "Proposed by Leviathan's backlog-propose executor from commit "
                + DocsExecutor.shortCommit(facts.commit())
                + ". Check it, edit it as you see fit, and set ready: true to let it run.";
    }

    /** Every proposal for the facts, in {@link #ORDER}. */
    static List<Proposal> of(RepositoryFacts facts, Path workTree) {
        return new Findings(facts, workTree).all();
    }

    private List<Proposal> all() {
        List<Proposal> out = new ArrayList<>();
        for (CiFact fact : CiConcerns.sorted(facts.workflows())) {
            out.addAll(ci(fact));
        }
        missingFile(out, README, "readme", List.of("readme"), List.of("", ".github/", "docs/"), "README.md");
        routes().ifPresent(out::add);
        missingFile(out, CONTRIBUTING, "contributing", List.of("contributing"), List.of("", ".github/", "docs/"),
                "CONTRIBUTING.md");
        missingFile(out, CHANGELOG, "changelog", List.of("changelog", "changes", "history", "news", "releases",
                "release-notes", "release_notes"), List.of("", "docs/"), "CHANGELOG.md");
        out.sort(ORDER);
        return out;
    }

    // CI

    private List<Proposal> ci(CiFact fact) {
        List<CiConcern> concerns = CiConcerns.of(fact);
        List<Proposal> out = new ArrayList<>();
        String path = fact.path();
        String slug = ciSlug(path);
        List<CiConcern.LooseReference> loose = new ArrayList<>();
        List<String> writeAll = new ArrayList<>();
        for (CiConcern concern : concerns) {
            switch (concern) {
                case CiConcern.Unreadable bad -> out.add(unreadable(bad, slug));
                case CiConcern.PullRequestTarget prt -> out.add(pullRequestTarget(prt, slug));
                case CiConcern.NoPermissions none -> out.add(permissions(none, slug));
                case CiConcern.WriteAll all -> writeAll.add(all.job());
                case CiConcern.LooseReference reference -> loose.add(reference);
                case CiConcern.DeployWithoutConcurrency deploy -> deployConcurrency(deploy, slug).ifPresent(out::add);
                case CiConcern.LooseInclude include -> {
                    // Included files are not read; pinning them is the pipeline owner's call, not a task we propose.
                }
            }
        }
        if (!writeAll.isEmpty()) {
            out.add(writeAll(path, writeAll, slug));
        }
        if (!loose.isEmpty()) {
            out.add(unpinned(path, loose, slug));
        }
        return out;
    }

    private Proposal unreadable(CiConcern.Unreadable bad, String slug) {
        String system = bad.system() == CiSystem.GITLAB_CI ? "GitLab CI" : "GitHub Actions";
        String where = bad.line() > 0 ? bad.path() + ":" + bad.line() : bad.path();
        String description = bad.path() + " could not be read as a " + system + " file: " + bad.message() + ".\n"
                + system + " rejects or ignores a file it cannot read, so what it should run does not run.\n"
                + "\nEvidence:\n- " + where + (bad.line() > 0 ? " (column " + bad.column() + ")" : "") + ": "
                + bad.message() + "\n\n" + footer;
        List<String> criteria = new ArrayList<>();
        criteria.add(bad.path() + " is valid YAML that " + system + " accepts");
        criteria.add(bad.line() > 0 ? "The problem reported at line " + bad.line() + " is gone"
                : "The problem reported for the whole file is gone");
        criteria.add("The file's triggers and jobs are the ones it was meant to have");
        return new Proposal("fix-ci-file-" + slug, "ci-unreadable:" + bad.path(), UNREADABLE,
                "Fix the CI file " + bad.path() + " so " + system + " can read it", description, "ci", Priority.HIGH,
                "small", List.of(bad.path()), criteria, Optional.empty());
    }

    private Proposal pullRequestTarget(CiConcern.PullRequestTarget prt, String slug) {
        WorkflowText text = text(prt.path());
        List<Integer> triggerLines = text.mentions("pull_request_target");
        List<Integer> headLines = new ArrayList<>(new TreeSet<>(concat(text.mentions("github.event.pull_request.head"),
                text.mentions("github.head_ref"))));
        StringBuilder description = new StringBuilder(prt.path()).append(" is triggered by pull_request_target. ")
                .append("Such runs get a token that can write and the repository's secrets, even for pull requests")
                .append(" from forks, so a job that checks out or runs the pull request's code hands both to its")
                .append(" author.\n");
        if (!headLines.isEmpty()) {
            description.append("The file refers to the pull request's head, which is how that code gets checked out.\n");
        }
        description.append("\nEvidence:\n");
        description.append("- ").append(cite(prt.path(), first(triggerLines))).append(": on: pull_request_target\n");
        for (int line : headLines.subList(0, Math.min(5, headLines.size()))) {
            description.append("- ").append(cite(prt.path(), line)).append(": refers to the pull request's head\n");
        }
        description.append('\n').append(footer);
        return new Proposal("review-pull-request-target-" + slug, "ci-pull-request-target:" + prt.path(),
                PULL_REQUEST_TARGET, "Review the pull_request_target trigger of " + prt.path(),
                description.toString(), "ci", Priority.HIGH, "small", List.of(prt.path()),
                List.of("No job of " + prt.path() + " run by pull_request_target checks out or runs code from the"
                                + " pull request",
                        "Its permissions are the least it needs",
                        "If it needs neither secrets nor write access, it is triggered by pull_request instead"),
                Optional.empty());
    }

    private Proposal permissions(CiConcern.NoPermissions none, String slug) {
        WorkflowText text = text(none.path());
        StringBuilder description = new StringBuilder(none.path())
                .append(" has no top-level permissions block");
        if (none.jobs().isEmpty()) {
            description.append(", so its GITHUB_TOKEN gets the repository's default permissions");
        } else {
            boolean one = none.jobs().size() == 1;
            description.append(", and ").append(one ? "its job " : "its jobs ")
                    .append(String.join(", ", none.jobs())).append(one ? " has" : " have")
                    .append(" none either, so ").append(one ? "that job's" : "their")
                    .append(" GITHUB_TOKEN gets the repository's default permissions");
        }
        description.append(", which may include write access to the code, packages and pull requests.\n");
        description.append("\nEvidence:\n- ").append(cite(none.path(), text.topLevelKey("jobs")))
                .append(": jobs: with no top-level permissions: before them\n");
        for (String job : none.jobs()) {
            description.append("- ").append(cite(none.path(), text.job(job))).append(": job ").append(job)
                    .append(" declares no permissions\n");
        }
        description.append('\n').append(footer);
        return new Proposal("declare-workflow-permissions-" + slug, "ci-permissions:" + none.path(), PERMISSIONS,
                "Declare the token permissions of " + none.path(), description.toString(), "ci", Priority.MEDIUM,
                "small", List.of(none.path()),
                List.of(none.path() + " declares permissions at the top level (for example contents: read), or on"
                                + " every job",
                        "Each job gets only the scopes it uses",
                        "The workflow still runs on its triggers"),
                Optional.empty());
    }

    private Proposal writeAll(String path, List<String> jobs, String slug) {
        WorkflowText text = text(path);
        StringBuilder description = new StringBuilder(path)
                .append(" gives its token write access to every scope (permissions: write-all).")
                .append(" A step that is compromised, or that runs code it should not, can then change the")
                .append(" repository, its releases and its packages.\n\nEvidence:\n");
        List<Integer> lines = text.mentions("write-all");
        for (String job : jobs) {
            int line = job == null ? first(lines) : lineAfter(lines, text.job(job));
            description.append("- ").append(cite(path, line)).append(": ")
                    .append(job == null ? "permissions: write-all for the workflow" : "permissions: write-all for job "
                            + job).append('\n');
        }
        description.append('\n').append(footer);
        return new Proposal("narrow-workflow-permissions-" + slug, "ci-write-all:" + path, WRITE_ALL,
                "Narrow the write-all token permissions of " + path, description.toString(), "ci", Priority.MEDIUM,
                "small", List.of(path),
                List.of(path + " no longer uses permissions: write-all",
                        "Each job gets only the scopes it uses, with write access only where it writes",
                        "The workflow still runs on its triggers"),
                Optional.empty());
    }

    private Proposal unpinned(String path, List<CiConcern.LooseReference> loose, String slug) {
        WorkflowText text = text(path);
        StringBuilder description = new StringBuilder(path).append(" uses ")
                .append(loose.size() == 1 ? "an action that is" : loose.size() + " actions that are")
                .append(" not pinned to a version or a commit, so what runs in CI can change without a change in")
                .append(" this repository.\n\nEvidence:\n");
        for (CiConcern.LooseReference reference : loose) {
            description.append("- ").append(cite(path, text.uses(reference.reference()))).append(": ")
                    .append(reference.reference()).append(" (")
                    .append(reference.reusableWorkflow() ? "reusable workflow, " : "")
                    .append(reference.pinning().description().replace("`", "")).append(")\n");
        }
        description.append('\n').append(footer);
        return new Proposal("pin-workflow-actions-" + slug, "ci-unpinned-actions:" + path, UNPINNED,
                "Pin the actions of " + path + " to versions", description.toString(), "ci", Priority.MEDIUM, "small",
                List.of(path),
                List.of("Every action and reusable workflow in " + path + " is referenced by a release tag or a full"
                                + " commit SHA (a SHA with a comment naming its version is best)",
                        "No uses: in " + path + " names a branch or leaves out the version",
                        "The workflow still runs on its triggers"),
                Optional.empty());
    }

    private Optional<Proposal> deployConcurrency(CiConcern.DeployWithoutConcurrency deploy, String slug) {
        WorkflowText text = text(deploy.path());
        if (text.hasKeyAnywhere("concurrency")) {
            // A job-level concurrency is not in the facts; the file's text shows it.
            return Optional.empty();
        }
        StringBuilder description = new StringBuilder();
        description.append(deploy.jobs().size() == 1 ? "The job " : "The jobs ")
                .append(String.join(", ", deploy.jobs())).append(" of ").append(deploy.path())
                .append(deploy.jobs().size() == 1 ? " deploys" : " deploy")
                .append(" or publishes, and the workflow sets no concurrency, so two runs (two quick pushes) can")
                .append(" deploy at the same time and finish in the wrong order.\n\nEvidence:\n");
        for (String job : deploy.jobs()) {
            description.append("- ").append(cite(deploy.path(), text.job(job))).append(": job ").append(job).append('\n');
        }
        description.append('\n').append(footer);
        return Optional.of(new Proposal("add-deploy-concurrency-" + slug, "ci-deploy-concurrency:" + deploy.path(),
                DEPLOY_CONCURRENCY, "Keep the deploys of " + deploy.path() + " from running at the same time",
                description.toString(), "ci", Priority.LOW, "xs", List.of(deploy.path()),
                List.of(deploy.path() + " sets concurrency for its deploy jobs or for the whole workflow",
                        "Whether a newer run cancels an older one (cancel-in-progress) is a deliberate choice, said in"
                                + " a comment"),
                Optional.empty()));
    }

    // documentation

    private Optional<Proposal> routes() {
        List<Route> resolved = facts.routes().stream().filter(Route::resolved)
                .filter(r -> r.path() != null && !r.path().isEmpty()).toList();
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        DocMentions mentions = DocMentions.read(facts, workTree);
        List<Route> undocumented = resolved.stream().filter(r -> !mentions.mentions(r))
                .sorted(RouteReference.IN_GROUP).toList();
        if (undocumented.isEmpty()) {
            return Optional.empty();
        }
        long unresolved = facts.routes().size() - resolved.size();
        StringBuilder description = new StringBuilder();
        description.append(undocumented.size()).append(" of the ").append(resolved.size())
                .append(resolved.size() == 1 ? " HTTP route" : " HTTP routes")
                .append(" found in the code ").append(undocumented.size() == 1 ? "is" : "are")
                .append(" not mentioned in any documentation page (")
                .append(Markdown.count(mentions.pagesRead(), "page", "pages")).append(" read).");
        if (unresolved > 0) {
            description.append(' ').append(unresolved == 1 ? "1 route" : unresolved + " routes")
                    .append(" could not be resolved statically and ").append(unresolved == 1 ? "was" : "were")
                    .append(" not checked.");
        }
        description.append(" Leviathan's docs executor generates a route reference from the code, with each")
                .append(" route's method, path, handler and source line, and later runs keep it up to date.\n")
                .append("\nUndocumented routes:\n");
        for (Route route : undocumented.subList(0, Math.min(MAX_LISTED_ROUTES, undocumented.size()))) {
            description.append("- ").append(route.method()).append(' ').append(route.path()).append(" (")
                    .append(RouteReference.frameworkName(route.framework())).append("): ")
                    .append(cite(route.file(), route.line())).append('\n');
        }
        if (undocumented.size() > MAX_LISTED_ROUTES) {
            description.append("- and ").append(undocumented.size() - MAX_LISTED_ROUTES).append(" more\n");
        }
        description.append('\n').append(footer);
        return Optional.of(new Proposal("document-api-routes", "docs-api-routes", ROUTES,
                "Document the HTTP API routes in " + ROUTES_DOC, description.toString(), "docs", Priority.MEDIUM,
                "small", List.of(ROUTES_DOC),
                List.of(ROUTES_DOC + " lists every route the bootstrap finds, with its method, path, handler and source",
                        "The generated part stays between the leviathan:begin routes and leviathan:end routes markers,"
                                + " so later runs update it in place"),
                Optional.of(new ExecutorSpec.Docs(ExecutorSpec.DocsKind.ROUTES, Optional.of(ROUTES_DOC)))));
    }

    private void missingFile(List<Proposal> out, int rank, String what, List<String> names, List<String> dirs,
            String file) {
        if (present(names, dirs)) {
            return;
        }
        String places = dirs.stream().map(d -> d.isEmpty() ? "the root" : d).collect(Collectors.joining(", "));
        Proposal proposal = switch (rank) {
            case README -> new Proposal("add-readme", "docs-readme", rank, "Add a README",
                    "The repository has no README (none in " + places + " of the " + facts.files().size()
                            + " files indexed). A README is the first page people see: what the project is for, how"
                            + " to install it, build it and run its tests.\n\n" + footer,
                    "docs", Priority.MEDIUM, "small", List.of(file),
                    List.of(file + " says what the project does and who it is for",
                            "It shows how to install, build and run the tests, with commands that work",
                            "It links to further documentation, if there is any"),
                    Optional.empty());
            case CONTRIBUTING -> new Proposal("add-contributing-guide", "docs-contributing", rank,
                    "Add a contributing guide",
                    "The repository has no contributing guide (no CONTRIBUTING file in " + places + "). It tells a"
                            + " newcomer how to set up the project, run its tests and propose a change.\n\n" + footer,
                    "docs", Priority.LOW, "small", List.of(file),
                    List.of(file + " explains how to set up a development environment and run the tests",
                            "It says how to propose a change and how changes are reviewed"),
                    Optional.empty());
            default -> new Proposal("add-changelog", "docs-changelog", rank, "Add a changelog",
                    "The repository has no changelog (no CHANGELOG, CHANGES, HISTORY, NEWS or RELEASES file in "
                            + places + "). A changelog tells users what changed between releases.\n\n" + footer,
                    "docs", Priority.LOW, "small", List.of(file),
                    List.of(file + " lists the notable changes of each release, newest first",
                            "It has an Unreleased section for changes not released yet"),
                    Optional.empty());
        };
        out.add(proposal);
    }

    /** A file whose name starts with one of {@code names} (any case, any extension) in one of {@code dirs}. */
    private boolean present(List<String> names, List<String> dirs) {
        for (RepositoryFacts.File file : facts.files()) {
            int slash = file.path().lastIndexOf('/');
            String dir = file.path().substring(0, slash + 1);
            if (dirs.contains(dir) && startsWithAny(file.path().substring(slash + 1), names)) {
                return true;
            }
        }
        // The facts leave out what bootstrap.yaml excludes; the work tree is the same commit.
        for (String dir : dirs) {
            Path directory = dir.isEmpty() ? workTree : workTree.resolve(dir);
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                for (Path entry : entries) {
                    if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                            && startsWithAny(entry.getFileName().toString(), names)) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // An unreadable directory holds nothing we can count.
            }
        }
        return false;
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        String lower = name.toLowerCase(Locale.ROOT);
        return prefixes.stream().anyMatch(lower::startsWith);
    }

    // shared

    private WorkflowText text(String path) {
        return texts.computeIfAbsent(path, p -> WorkTreeFile.readEvidence(workTree, p, MAX_CI_BYTES)
                .map(WorkflowText::of).orElse(WorkflowText.empty()));
    }

    private static String cite(String path, int line) {
        return line > 0 ? path + ":" + line : path;
    }

    private static int first(List<Integer> lines) {
        return lines.isEmpty() ? 0 : lines.get(0);
    }

    private static int lineAfter(List<Integer> lines, int start) {
        return lines.stream().filter(l -> l > start).findFirst().orElse(start);
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** {@code ci} for {@code .github/workflows/ci.yml}, {@code gitlab-ci} for {@code .gitlab-ci.yml}. */
    static String ciSlug(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return slug(dot > 0 ? name.substring(0, dot) : name);
    }

    /** Lower-case letters and digits joined by single hyphens, at most {@value #MAX_SLUG} characters. */
    static String slug(String text) {
        StringBuilder out = new StringBuilder();
        boolean hyphen = false;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (hyphen && !out.isEmpty()) {
                    out.append('-');
                }
                out.append(c);
                hyphen = false;
            } else {
                hyphen = true;
            }
        }
        String slug = out.toString();
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG);
            while (slug.endsWith("-")) {
                slug = slug.substring(0, slug.length() - 1);
            }
        }
        return slug;
    }
}
