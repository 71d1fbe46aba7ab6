package dev.leviathan.engine.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.testkit.GitHttpServer;
import dev.leviathan.engine.testkit.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets given by URL are cloned into the workspace, fetched on later bootstraps, and never leak a token. */
class RemoteTargetTest {

    static final String TOKEN = "ghp_s3cr3tT0kenThatMustNeverBeLogged";

    @TempDir
    Path dir;

    TestRepo upstream() {
        TestRepo repo = TestRepo.init(dir.resolve("served").resolve("shop"));
        repo.file("README.md", "# Shop\n").file("src/app.py", BootstrapperTest.APP).commit("initial");
        return repo;
    }

    @Test
    void aFileUrlIsClonedIntoTheWorkspaceAndFetchedAgainForALaterCommit() {
        try (TestRepo repo = upstream(); BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            f.register("shop", repo.dir().toUri().toString());

            BootstrapResult first = f.bootstrap("shop");
            repo.file("docs/faq.md", "# FAQ\n").commit("faq");
            BootstrapResult second = f.bootstrap("shop");

            assertThat(Files.isDirectory(TargetCheckout.clonePath(f.home, "shop").resolve("objects"))).isTrue();
            assertThat(first.counts().files()).isEqualTo(2);
            assertThat(second.mode()).isEqualTo(BootstrapResult.Mode.INCREMENTAL);
            assertThat(second.counts().files()).isEqualTo(3);
        }
    }

    @Test
    void anHttpRemoteIsClonedWithTheTokenFromTheEnvironment() {
        try (TestRepo repo = upstream(); GitHttpServer server = GitHttpServer.start(dir.resolve("served"), TOKEN);
                BootstrapFixture f = new BootstrapFixture(dir.resolve("home"), Map.of("LEVIATHAN_GIT_TOKEN_SHOP", TOKEN))) {
            f.register("shop", server.url("shop"));

            BootstrapResult result = f.bootstrap("shop");

            assertThat(result.counts().files()).isEqualTo(2);
            assertThat(server.authorizations()).isNotEmpty();
            for (StoredEvent event : f.events()) {
                assertThat(event.payload().canonical()).doesNotContain(TOKEN);
                assertThat(event.envelope().toString()).doesNotContain(TOKEN);
            }
        }
    }

    @Test
    void aPrivateRemoteWithoutATokenFailsWithAHintAndLeavesNoPartialClone() {
        try (TestRepo repo = upstream(); GitHttpServer server = GitHttpServer.start(dir.resolve("served"), TOKEN);
                BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            f.register("shop", server.url("shop"));

            assertThatThrownBy(() -> f.bootstrap("shop")).isInstanceOf(BootstrapException.class)
                    .hasMessageContaining("cannot clone").hasMessageContaining("LEVIATHAN_GIT_TOKEN")
                    .satisfies(e -> assertThat(((BootstrapException) e).kind())
                            .isEqualTo(BootstrapException.Kind.UNAVAILABLE));
            assertThat(TargetCheckout.clonePath(f.home, "shop")).doesNotExist();
            assertThat(TargetCheckout.clonePath(f.home, "shop").resolveSibling("repo.git.partial")).doesNotExist();
            assertThat(f.events("bootstrap.failed")).hasSize(1);
        }
    }

    @Test
    void aWrongTokenIsRefusedAndNeverWrittenAnywhere() throws Exception {
        try (TestRepo repo = upstream(); GitHttpServer server = GitHttpServer.start(dir.resolve("served"), TOKEN);
                BootstrapFixture f = new BootstrapFixture(dir.resolve("home"),
                        Map.of("LEVIATHAN_GIT_TOKEN", "wrong-" + TOKEN))) {
            f.register("shop", server.url("shop"));

            assertThatThrownBy(() -> f.bootstrap("shop")).isInstanceOf(BootstrapException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
            for (StoredEvent event : f.events()) {
                assertThat(event.payload().canonical()).doesNotContain(TOKEN);
            }
            try (var files = Files.walk(f.home.root())) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readAllBytes(file)).asString().doesNotContain(TOKEN);
                }
            }
        }
    }
}
