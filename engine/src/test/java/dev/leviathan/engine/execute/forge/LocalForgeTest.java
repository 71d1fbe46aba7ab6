package dev.leviathan.engine.execute.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.JooqEventStore;
import dev.leviathan.engine.event.StoreSettings;
import dev.leviathan.engine.target.RegisterTargetRequest;
import dev.leviathan.engine.target.TargetRegistry;
import dev.leviathan.engine.testkit.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalForgeTest {

    @TempDir
    Path dir;

    TestRepo repo;
    EventStore store;
    LocalForge forge;
    String base;

    @BeforeEach
    void setUp() {
        repo = TestRepo.init(dir.resolve("shop"));
        repo.file("README.md", "# Shop\n").file("docs/guide.md", "# Guide\n");
        base = repo.commit("initial");
        LeviathanHome home = new LeviathanHome(dir.resolve("home"));
        home.ensureCreated();
        store = JooqEventStore.open(StoreSettings.embedded(home));
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        TargetRegistry targets = new TargetRegistry(store, clock, dir);
        targets.register(new RegisterTargetRequest("shop", repo.dir().toString(), null, "grace"));
        forge = new LocalForge(store, targets, home, clock);
    }

    @AfterEach
    void tearDown() {
        store.close();
        repo.close();
    }

    /** A branch with one commit on top of the base, made without touching the checked-out main. */
    private String branch(String name, String path, String content) throws Exception {
        Path clone = dir.resolve("clone-" + name.replace('/', '-'));
        try (Git git = Git.cloneRepository().setURI(repo.dir().toUri().toString()).setDirectory(clone.toFile()).call()) {
            git.checkout().setCreateBranch(true).setName(name).call();
            Files.createDirectories(clone.resolve(path).getParent());
            Files.writeString(clone.resolve(path), content);
            git.add().addFilepattern(".").call();
            RevCommit commit = git.commit().setMessage("change " + path).setSign(false)
                    .setAuthor("Leviathan", "leviathan@leviathan.local").call();
            git.push().setRemote("origin").add(name).call();
            return commit.getName();
        }
    }

    private PullRequest open(String branch, String head) {
        return forge.open(new LocalForge.Draft("shop", "add-faq", "att-1", "Add a FAQ", "Adds docs/faq.md",
                branch, "main", base, head), "leviathan-worker");
    }

    @Test
    void openRecordsThePullRequestAndCountsItFromTheRepository() throws Exception {
        String head = branch("leviathan/add-faq/att-1", "docs/faq.md", "# FAQ\n");

        PullRequest pr = open("leviathan/add-faq/att-1", head);

        assertThat(pr.id()).isEqualTo("local-att-1");
        assertThat(pr.state()).isEqualTo(PullRequest.State.OPEN);
        assertThat(forge.countOpen("shop")).isEqualTo(1);
        assertThat(forge.list("shop")).extracting(PullRequest::title).containsExactly("Add a FAQ");
    }

    @Test
    void aPullRequestWhoseBranchIsGoneIsNotCountedAsOpen() throws Exception {
        String head = branch("leviathan/add-faq/att-1", "docs/faq.md", "# FAQ\n");
        open("leviathan/add-faq/att-1", head);

        repo.git().branchDelete().setBranchNames("leviathan/add-faq/att-1").setForce(true).call();

        assertThat(forge.countOpen("shop")).isZero();
    }

    @Test
    void diffShowsTheChangeFromTheBaseCommit() throws Exception {
        String head = branch("leviathan/add-faq/att-1", "docs/faq.md", "# FAQ\n\nQ: why?\n");
        open("leviathan/add-faq/att-1", head);

        String diff = forge.diff("local-att-1");

        assertThat(diff).contains("+++ b/docs/faq.md").contains("+# FAQ").contains("+Q: why?");
    }

    @Test
    void mergeIntoTheCheckedOutBaseBranchUpdatesTheWorkTreeAndRecordsIt() throws Exception {
        String head = branch("leviathan/add-faq/att-1", "docs/faq.md", "# FAQ\n");
        open("leviathan/add-faq/att-1", head);

        PullRequest merged = forge.merge("local-att-1", "grace");

        assertThat(merged.state()).isEqualTo(PullRequest.State.MERGED);
        assertThat(repo.dir().resolve("docs/faq.md")).hasContent("# FAQ");
        try (RevWalk walk = new RevWalk(repo.git().getRepository())) {
            RevCommit commit = walk.parseCommit(repo.git().getRepository().resolve("main"));
            assertThat(commit.getName()).isEqualTo(merged.mergeCommit());
            assertThat(commit.getParentCount()).isEqualTo(2);
            assertThat(commit.getFullMessage()).contains("Leviathan-Attempt: att-1");
            assertThat(commit.getAuthorIdent().getName()).isEqualTo("grace");
        }
        assertThat(store.read(EventQuery.after(0, 100).withTypes(Set.of("pr.merged")))).hasSize(1);
    }

    @Test
    void mergeRefusesAWorkTreeWithUncommittedChangesAndMergesNothing() throws Exception {
        String head = branch("leviathan/add-faq/att-1", "docs/faq.md", "# FAQ\n");
        open("leviathan/add-faq/att-1", head);
        Files.writeString(repo.dir().resolve("README.md"), "# Shop, edited\n");

        assertThatThrownBy(() -> forge.merge("local-att-1", "grace")).isInstanceOf(ForgeException.class)
                .hasMessageContaining("uncommitted changes");
        assertThat(repo.git().getRepository().resolve("main").getName()).isEqualTo(base);
        assertThat(forge.find("local-att-1").state()).isEqualTo(PullRequest.State.OPEN);
    }

    @Test
    void mergeWithoutAWorkTreeWhenTheBaseIsNotCheckedOut() throws Exception {
        String head = branch("leviathan/add-faq/att-1", "docs/faq.md", "# FAQ\n");
        open("leviathan/add-faq/att-1", head);
        repo.git().checkout().setCreateBranch(true).setName("elsewhere").call();

        PullRequest merged = forge.merge("local-att-1", "grace");

        ObjectId main = repo.git().getRepository().resolve(Constants.R_HEADS + "main");
        assertThat(main.getName()).isEqualTo(merged.mergeCommit());
        assertThat(repo.git().getRepository().getBranch()).isEqualTo("elsewhere");
    }

    @Test
    void aBranchThatNoLongerMergesCleanlyIsRefused() throws Exception {
        String head = branch("leviathan/add-faq/att-1", "README.md", "# Shop by the worker\n");
        open("leviathan/add-faq/att-1", head);
        repo.file("README.md", "# Shop by a human\n").commit("human edit");

        assertThatThrownBy(() -> forge.merge("local-att-1", "grace")).isInstanceOf(ForgeException.class)
                .hasMessageContaining("no longer merges cleanly");
        assertThat(repo.dir().resolve("README.md")).hasContent("# Shop by a human");
    }

    @Test
    void aBranchThatMovedSinceOpeningIsNotMerged() throws Exception {
        String head = branch("leviathan/add-faq/att-1", "docs/faq.md", "# FAQ\n");
        open("leviathan/add-faq/att-1", "0".repeat(40).replace("0", "a"));

        assertThatThrownBy(() -> forge.merge("local-att-1", "grace")).isInstanceOf(ForgeException.class)
                .hasMessageContaining("moved since");
        assertThat(head).isNotEmpty();
    }

    @Test
    void closeRecordsTheReasonAndAClosedPullRequestCannotBeMerged() throws Exception {
        String head = branch("leviathan/add-faq/att-1", "docs/faq.md", "# FAQ\n");
        open("leviathan/add-faq/att-1", head);

        PullRequest closed = forge.close("local-att-1", "grace", "wrong approach");

        assertThat(closed.state()).isEqualTo(PullRequest.State.CLOSED);
        assertThat(closed.closedReason()).isEqualTo("wrong approach");
        assertThatThrownBy(() -> forge.merge("local-att-1", "grace")).hasMessageContaining("already closed");
        assertThat(forge.countOpen("shop")).isZero();
    }
}
