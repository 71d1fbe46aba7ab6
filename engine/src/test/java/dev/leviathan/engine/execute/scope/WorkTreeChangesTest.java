package dev.leviathan.engine.execute.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.leviathan.engine.execute.scope.Change.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkTreeChangesTest {

    @TempDir
    Path temp;

    private Workspace project() {
        return Workspace.project(temp.resolve("repo"));
    }

    private static List<String> summary(WorkTreeChanges changes) {
        return changes.changes().stream().map(c -> c.kind().wire() + " " + c.before().map(TreeEntry::path)
                .map(p -> p.equals(c.path()) ? "" : p + " -> ").orElse("") + c.path()).toList();
    }

    @Test
    void anUnchangedTreeHasNoChanges() {
        try (Workspace workspace = project()) {
            WorkTreeChanges changes = workspace.changes();

            assertThat(changes.changes()).isEmpty();
            assertThat(changes.ignored()).isEmpty();
            assertThat(changes.base().size()).isEqualTo(6);
        }
    }

    @Test
    void reportsAddedModifiedAndDeletedFilesInPathOrder() {
        try (Workspace workspace = project()) {
            workspace.write("docs/guide.md", "# Guide\n\nInstall with `make install`, then `make run`.\n")
                    .write("docs/faq.md", "# FAQ\n\n## Why?\nBecause.\n")
                    .delete("docs/api/routes.md");

            assertThat(summary(workspace.changes())).containsExactly(
                    "deleted docs/api/routes.md", "added docs/faq.md", "modified docs/guide.md");
        }
    }

    @Test
    void theIdsAreTheBlobsGitAddWouldStage() throws Exception {
        try (Workspace workspace = project()) {
            workspace.write("docs/guide.md", "# Guide v2\n").write("docs/new/page.md", "page\n")
                    .symlink("docs/latest", "guide.md").executable("src/app.py", true);

            WorkTreeChanges changes = workspace.changes();
            Git git = Git.wrap(workspace.repository());
            git.add().addFilepattern(".").call();
            DirCache index = workspace.repository().readDirCache();

            for (Change change : changes.changes()) {
                TreeEntry after = change.after().orElseThrow();
                assertThat(index.getEntry(after.path()).getObjectId()).as(after.path()).isEqualTo(after.objectId());
                assertThat(index.getEntry(after.path()).getFileMode()).as(after.path()).isEqualTo(after.mode().fileMode());
            }
            assertThat(summary(changes)).containsExactly("modified docs/guide.md", "added docs/latest",
                    "added docs/new/page.md", "mode_changed src/app.py");
        }
    }

    @Test
    void storesTheBlobsOfChangedFilesSoTheWorkerCommitsWhatWasJudged() throws Exception {
        try (Workspace workspace = project()) {
            workspace.write("docs/faq.md", "# FAQ\n");

            TreeEntry after = workspace.changes().changes().get(0).after().orElseThrow();
            Files.writeString(workspace.dir().resolve("docs/faq.md"), "swapped after the check\n");

            try (ObjectReader reader = workspace.repository().newObjectReader()) {
                assertThat(new String(reader.open(after.objectId(), Constants.OBJ_BLOB).getBytes(),
                        StandardCharsets.UTF_8)).isEqualTo("# FAQ\n");
            }
            assertThat(after.size()).isEqualTo(6);
        }
    }

    @Test
    void pairsADeletedAndAnAddedFileWithTheSameContentIntoARename() {
        try (Workspace workspace = project()) {
            workspace.move("docs/guide.md", "docs/handbook/guide.md");

            Change rename = workspace.changes().changes().get(0);

            assertThat(rename.kind()).isEqualTo(Kind.RENAMED);
            assertThat(rename.before().orElseThrow().path()).isEqualTo("docs/guide.md");
            assertThat(rename.after().orElseThrow().path()).isEqualTo("docs/handbook/guide.md");
            assertThat(rename.paths()).containsExactly("docs/guide.md", "docs/handbook/guide.md");
        }
    }

    @Test
    void aRenameWithAChangedContentIsADeletionAndAnAddition() {
        try (Workspace workspace = project()) {
            workspace.move("docs/guide.md", "docs/handbook.md").write("docs/handbook.md", "# Handbook\n");

            assertThat(summary(workspace.changes())).containsExactly("deleted docs/guide.md", "added docs/handbook.md");
        }
    }

    @Test
    void identicalCopiesArePairedByFileNameFirst() {
        try (Workspace workspace = Workspace.empty(temp.resolve("repo"))) {
            workspace.write("a/notes.md", "same\n").write("b/readme.md", "same\n").commit();
            workspace.move("a/notes.md", "z/notes.md").move("b/readme.md", "c/readme.md");

            assertThat(summary(workspace.changes())).containsExactly(
                    "renamed b/readme.md -> c/readme.md", "renamed a/notes.md -> z/notes.md");
        }
    }

    @Test
    void emptyFilesAreNeverPairedAsRenames() {
        try (Workspace workspace = Workspace.empty(temp.resolve("repo"))) {
            workspace.write("pkg/__init__.py", "").write("pkg/app.py", "x = 1\n").commit();
            workspace.delete("pkg/__init__.py").write("lib/__init__.py", "");

            assertThat(summary(workspace.changes())).containsExactly("added lib/__init__.py", "deleted pkg/__init__.py");
        }
    }

    @Test
    void theExecutableBitIsAModeChange() {
        try (Workspace workspace = project()) {
            workspace.executable("src/run.sh", true);

            Change change = workspace.changes().changes().get(0);

            assertThat(change.kind()).isEqualTo(Kind.MODE_CHANGED);
            assertThat(change.before().orElseThrow().mode()).isEqualTo(EntryMode.FILE);
            assertThat(change.after().orElseThrow().mode()).isEqualTo(EntryMode.EXECUTABLE);
            assertThat(change.after().orElseThrow().objectId()).isEqualTo(change.before().orElseThrow().objectId());
        }
    }

    @Test
    void aSymlinkIsAnEntryWhoseContentIsItsTargetNeverWhatItPointsTo() throws Exception {
        try (Workspace workspace = project()) {
            workspace.symlink("docs/passwd", "/etc/passwd");

            TreeEntry link = workspace.changes().changes().get(0).after().orElseThrow();

            assertThat(link.mode()).isEqualTo(EntryMode.SYMLINK);
            assertThat(link.linkTarget()).contains("/etc/passwd");
            assertThat(link.size()).isEqualTo("/etc/passwd".length());
            try (ObjectReader reader = workspace.repository().newObjectReader()) {
                assertThat(reader.open(link.objectId()).getBytes()).isEqualTo("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aSymlinkedDirectoryIsNotWalked() {
        Path outside = temp.resolve("outside");
        try (Workspace workspace = project()) {
            Files.createDirectories(outside);
            Files.writeString(outside.resolve("secret.txt"), "s3cret\n");
            workspace.symlink("docs/elsewhere", outside.toString());

            assertThat(summary(workspace.changes())).containsExactly("added docs/elsewhere");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFileReplacedByASymlinkIsATypeChange() {
        try (Workspace workspace = project()) {
            workspace.delete("src/app.py").symlink("src/app.py", "../docs/guide.md");

            Change change = workspace.changes().changes().get(0);

            assertThat(change.kind()).isEqualTo(Kind.TYPE_CHANGED);
            assertThat(change.after().orElseThrow().linkTarget()).contains("../docs/guide.md");
        }
    }

    @Test
    void aFileWrittenOutsideTheWorkTreeIsNeverSeen() throws Exception {
        try (Workspace workspace = project()) {
            Files.writeString(workspace.dir().resolve("../escaped.md"), "outside\n");

            assertThat(workspace.changes().changes()).isEmpty();
        }
    }

    @Test
    void untrackedIgnoredFilesAreListedApartAndADirectoryOnce() {
        try (Workspace workspace = Workspace.empty(temp.resolve("repo"))) {
            workspace.write(".gitignore", "node_modules/\n*.log\n/build\n").write("docs/index.md", "# Docs\n").commit();
            workspace.write("node_modules/left-pad/index.js", "module.exports = 1;\n")
                    .write("docs/debug.log", "trace\n").write("build/out.html", "<p>\n").write("docs/build/keep.md", "k\n");

            WorkTreeChanges changes = workspace.changes();

            assertThat(summary(changes)).containsExactly("added docs/build/keep.md");
            assertThat(changes.ignored()).extracting(IgnoredPath::path, IgnoredPath::reason).containsExactly(
                    tuple("build/", IgnoredPath.Reason.GITIGNORED), tuple("docs/debug.log", IgnoredPath.Reason.GITIGNORED),
                    tuple("node_modules/", IgnoredPath.Reason.GITIGNORED));
        }
    }

    @Test
    void aTrackedFileStaysTrackedEvenWhenAGitignoreMatchesIt() {
        try (Workspace workspace = Workspace.empty(temp.resolve("repo"))) {
            workspace.write("config/app.env", "A=1\n").commit();
            workspace.write(".gitignore", "*.env\n").write("config/app.env", "A=2\n").write("config/local.env", "B=1\n");

            WorkTreeChanges changes = workspace.changes();

            assertThat(summary(changes)).containsExactly("added .gitignore", "modified config/app.env");
            assertThat(changes.ignored()).extracting(IgnoredPath::path).containsExactly("config/local.env");
        }
    }

    @Test
    void anIgnoredDirectoryWithTrackedFilesIsStillWalked() throws Exception {
        try (Workspace workspace = Workspace.empty(temp.resolve("repo"))) {
            workspace.write("build/keep.txt", "kept\n").commit();
            workspace.write(".gitignore", "build/\n").commit();
            workspace.write("build/keep.txt", "changed\n").write("build/out.o", "obj\n");

            WorkTreeChanges changes = workspace.changes();

            assertThat(summary(changes)).containsExactly("modified build/keep.txt");
            assertThat(changes.ignored()).extracting(IgnoredPath::path).containsExactly("build/out.o");
        }
    }

    @Test
    void aNestedGitignoreCanReincludeWhatTheRootIgnores() {
        try (Workspace workspace = Workspace.empty(temp.resolve("repo"))) {
            workspace.write(".gitignore", "*.txt\n").write("docs/.gitignore", "!notes.txt\n")
                    .write("docs/index.md", "#\n").commit();
            workspace.write("docs/notes.txt", "kept\n").write("docs/other.txt", "dropped\n").write("top.txt", "dropped\n");

            WorkTreeChanges changes = workspace.changes();

            assertThat(summary(changes)).containsExactly("added docs/notes.txt");
            assertThat(changes.ignored()).extracting(IgnoredPath::path).containsExactly("docs/other.txt", "top.txt");
        }
    }

    @Test
    void aFileCheckedOutWithCrlfByItsAttributesIsUnchanged() {
        try (Workspace workspace = Workspace.empty(temp.resolve("repo"))) {
            workspace.write(".gitattributes", "*.bat text eol=crlf\n").write("gradlew.bat", "@echo off\nexit 0\n").commit();
            workspace.write("gradlew.bat", "@echo off\r\nexit 0\r\n");

            assertThat(workspace.changes().changes()).isEmpty();
        }
    }

    @Test
    void aChangedTextFileIsStoredWithTheLineEndingsItsAttributesAskFor() throws Exception {
        try (Workspace workspace = Workspace.empty(temp.resolve("repo"))) {
            workspace.write(".gitattributes", "* text=auto\n*.png binary\n").write("docs/a.md", "a\n").commit();
            workspace.write("docs/a.md", "a\r\nb\r\n").bytes("docs/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0});

            Map<String, TreeEntry> after = new TreeMap<>();
            workspace.changes().changes().forEach(c -> after.put(c.path(), c.after().orElseThrow()));

            try (ObjectReader reader = workspace.repository().newObjectReader()) {
                assertThat(new String(reader.open(after.get("docs/a.md").objectId()).getBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("a\nb\n");
                assertThat(reader.open(after.get("docs/logo.png").objectId()).getBytes())
                        .containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0);
            }
            assertThat(after.get("docs/a.md").size()).isEqualTo(4);
        }
    }

    @Test
    void nestedAttributesAndPatternsWithADirectoryApplyBelowTheirDirectory() {
        try (Workspace workspace = Workspace.empty(temp.resolve("repo"))) {
            workspace.write(".gitattributes", "tools/*.cmd text eol=crlf\n").write("docs/.gitattributes", "*.txt text eol=crlf\n")
                    .write("tools/build.cmd", "echo 1\n").write("docs/sub/a.txt", "a\n").write("b.txt", "b\n").commit();
            workspace.write("tools/build.cmd", "echo 1\r\n").write("docs/sub/a.txt", "a\r\n").write("b.txt", "b\r\n");

            assertThat(summary(workspace.changes())).containsExactly("modified b.txt");
        }
    }

    @Test
    void textAutoLeavesAFileCommittedWithCrlfAlone() {
        try (Workspace workspace = Workspace.empty(temp.resolve("repo"))) {
            workspace.write("legacy.txt", "one\r\ntwo\r\n").commit();
            workspace.write(".gitattributes", "* text=auto\n");

            assertThat(summary(workspace.changes())).containsExactly("added .gitattributes");
        }
    }

    @Test
    void aNestedGitDirectoryIsListedSoItCanBeRefusedButNeverRead() throws Exception {
        try (Workspace workspace = project()) {
            Git.init().setDirectory(workspace.dir().resolve("docs/vendor").toFile()).call().close();
            workspace.write("docs/vendor/README.md", "vendored\n");

            WorkTreeChanges changes = workspace.changes();

            assertThat(changes.changes()).extracting(Change::path).contains("docs/vendor/.git/HEAD",
                    "docs/vendor/.git/config", "docs/vendor/README.md");
            assertThat(changes.changes()).filteredOn(c -> c.path().contains("/.git/"))
                    .allSatisfy(c -> assertThat(c.after().orElseThrow().objectId()).isEqualTo(ObjectId.zeroId()));
        }
    }

    @Test
    void aCheckedOutSubmoduleDirectoryIsNoChangeAndItsContentIsNotCommitted() {
        try (Workspace workspace = project()) {
            ObjectId commit = ObjectId.fromString("0123456789abcdef0123456789abcdef01234567");
            workspace.submodule("vendor/lib", commit);
            workspace.write("vendor/lib/file.c", "int x;\n");

            WorkTreeChanges changes = workspace.changes();

            assertThat(changes.changes()).isEmpty();
            assertThat(changes.ignored()).containsExactly(
                    new IgnoredPath("vendor/lib/", IgnoredPath.Reason.SUBMODULE_CONTENT));
            assertThat(changes.base().mode("vendor/lib")).contains(EntryMode.SUBMODULE);
        }
    }

    @Test
    void aRemovedSubmoduleDirectoryDeletesTheGitlink() throws Exception {
        try (Workspace workspace = project()) {
            workspace.submodule("vendor/lib", ObjectId.fromString("0123456789abcdef0123456789abcdef01234567"));
            Files.delete(workspace.dir().resolve("vendor/lib"));

            Change change = workspace.changes().changes().get(0);

            assertThat(change.kind()).isEqualTo(Kind.DELETED);
            assertThat(change.before().orElseThrow().mode()).isEqualTo(EntryMode.SUBMODULE);
        }
    }

    @Test
    void aFifoIsListedAsASpecialFileAndNeverOpened() throws Exception {
        try (Workspace workspace = project()) {
            Path fifo = workspace.dir().resolve("docs/pipe");
            Process mkfifo;
            try {
                mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
            } catch (java.io.IOException e) {
                Assumptions.abort("mkfifo is not available");
                return;
            }
            Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");

            WorkTreeChanges changes = workspace.changes();

            assertThat(changes.changes()).isEmpty();
            assertThat(changes.ignored()).containsExactly(new IgnoredPath("docs/pipe", IgnoredPath.Reason.SPECIAL_FILE));
        }
    }

    @Test
    void aBaseCommitThatIsNotInTheRepositoryCannotBeCompared() {
        try (Workspace workspace = project()) {
            ObjectId missing = ObjectId.fromString("1111111111111111111111111111111111111111");

            assertThatThrownBy(() -> WorkTreeChanges.compute(workspace.repository(), missing, workspace.dir()))
                    .isInstanceOf(WorkTreeException.class).hasMessageContaining("1111111111111111111111111111111111111111");
        }
    }

    /** A repository with the odd shapes real ones have, committed as a maintainer would. */
    private Workspace realisticOrigin() {
        Workspace origin = Workspace.empty(temp.resolve("origin"));
        origin.write(".gitattributes", "* text=auto\n*.bat text eol=crlf\n*.png binary\n*.bin filter=lfs diff=lfs -text\n")
                .write("gradlew.bat", "@rem Gradle startup\r\n@echo off\r\n")
                .write("legacy/windows.txt", "committed\r\nwith crlf\r\n")
                .write("docs/caf\u00e9.md", "# Café\n").write("docs/cafe\u0301-macos.md", "# Café (NFD)\n")
                .write("src/__init__.py", "").write("src/app.py", "print('hi')\n")
                .write("scripts/release.sh", "#!/bin/sh\necho release\n")
                .write("assets/model.bin", "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n")
                .bytes("assets/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0})
                .symlink("docs/latest.md", "caf\u00e9.md").symlink("lib", "src")
                .write("node_modules/.keep", "").write(".gitignore", "node_modules/\n");
        origin.commit().executable("scripts/release.sh", true).commit();
        return origin.submodule("vendor/theme", ObjectId.fromString("0123456789abcdef0123456789abcdef01234567"));
    }

    @Test
    void aFreshCloneOfARealisticRepositoryHasNoChanges() throws Exception {
        try (Workspace origin = realisticOrigin();
                Git clone = Git.cloneRepository().setURI(origin.dir().toUri().toString())
                        .setDirectory(temp.resolve("clone").toFile()).call()) {
            WorkTreeChanges changes = WorkTreeChanges.compute(clone.getRepository(), origin.base(), temp.resolve("clone"));

            assertThat(changes.changes()).isEmpty();
            assertThat(changes.ignored()).isEmpty();
            assertThat(changes.base().size()).isEqualTo(14);
        }
    }

    @Test
    void aCloneCheckedOutWithAutocrlfHasNoChanges() throws Exception {
        try (Workspace origin = realisticOrigin();
                Git clone = Git.cloneRepository().setURI(origin.dir().toUri().toString()).setNoCheckout(true)
                        .setDirectory(temp.resolve("clone").toFile()).call()) {
            clone.getRepository().getConfig().setString("core", null, "autocrlf", "true");
            clone.getRepository().getConfig().save();
            clone.checkout().setName(origin.base().name()).call();

            assertThat(Files.readString(temp.resolve("clone/src/app.py"))).isEqualTo("print('hi')\r\n");
            WorkTreeChanges changes = WorkTreeChanges.compute(clone.getRepository(), origin.base(), temp.resolve("clone"));

            assertThat(changes.changes()).isEmpty();
        }
    }

    @Test
    void aCloneWithFileModeOffKeepsTheCommittedExecutableBits() throws Exception {
        try (Workspace origin = realisticOrigin();
                Git clone = Git.cloneRepository().setURI(origin.dir().toUri().toString())
                        .setDirectory(temp.resolve("clone").toFile()).call()) {
            clone.getRepository().getConfig().setBoolean("core", null, "filemode", false);
            clone.getRepository().getConfig().save();
            Path script = temp.resolve("clone/scripts/release.sh");
            Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

            assertThat(WorkTreeChanges.compute(clone.getRepository(), origin.base(), temp.resolve("clone")).changes())
                    .isEmpty();
        }
    }

    @Test
    void theSameTreeGivesTheSameChangesEveryTime() {
        try (Workspace workspace = project()) {
            workspace.write("docs/b.md", "b\n").write("docs/a.md", "a\n").move("src/app.py", "src/main.py")
                    .symlink("docs/z", "a.md");

            assertThat(workspace.changes()).isEqualTo(workspace.changes());
        }
    }
}
