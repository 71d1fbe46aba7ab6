package dev.leviathan.engine.bootstrap.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MalformedCiFileTest {

    private static final String WORKFLOW = ".github/workflows/ci.yml";
    private static final String GITLAB = ".gitlab-ci.yml";
    private final CiExtractor extractor = new CiExtractor();

    private MalformedCiFile malformed(String path, String text) {
        CiFact fact = extractor.extract(path, text);
        assertThat(fact).isInstanceOf(MalformedCiFile.class);
        MalformedCiFile malformed = (MalformedCiFile) fact;
        assertThat(malformed.path()).isEqualTo(path);
        return malformed;
    }

    @Test
    void reportsASyntaxErrorWithItsLineAndColumn() {
        MalformedCiFile malformed = malformed(WORKFLOW, """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps: - run: echo
                """);
        assertThat(malformed.system()).isEqualTo(CiSystem.GITHUB_ACTIONS);
        assertThat(malformed.message()).contains("sequence entries are not allowed here");
        assertThat(malformed.line()).isEqualTo(5);
        assertThat(malformed.column()).isEqualTo(12);
    }

    @Test
    void reportsAnIndentationErrorOnTheLineThatBreaksIt() {
        MalformedCiFile malformed = malformed(GITLAB, """
                build:
                  script: make
                 stage: build
                """);
        assertThat(malformed.system()).isEqualTo(CiSystem.GITLAB_CI);
        assertThat(malformed.line()).isEqualTo(3);
        assertThat(malformed.column()).isEqualTo(2);
    }

    @Test
    void reportsATabUsedForIndentation() {
        MalformedCiFile malformed = malformed(GITLAB, "build:\n\tscript: make\n");
        assertThat(malformed.message()).contains("TAB");
        assertThat(malformed.line()).isEqualTo(2);
        assertThat(malformed.column()).isEqualTo(1);
    }

    @Test
    void reportsAnUnclosedQuote() {
        MalformedCiFile malformed = malformed(WORKFLOW, "name: \"CI\non: push\njobs: {}\n");
        assertThat(malformed.message()).contains("quoted scalar");
        assertThat(malformed.line()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void reportsADuplicateKeyAtItsSecondOccurrence() {
        MalformedCiFile malformed = malformed(WORKFLOW, """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                  build:
                    runs-on: windows-latest
                """);
        assertThat(malformed.message()).isEqualTo("duplicate key \"build\" (first at line 3)");
        assertThat(malformed.line()).isEqualTo(5);
        assertThat(malformed.column()).isEqualTo(3);
    }

    @Test
    void refusesARootThatIsNotAMapping() {
        MalformedCiFile list = malformed(WORKFLOW, "- on: push\n- jobs: {}\n");
        assertThat(list.message()).isEqualTo("a workflow must be a mapping, found a list");
        assertThat(list.line()).isEqualTo(1);
        MalformedCiFile scalar = malformed(GITLAB, "just some text\n");
        assertThat(scalar.message()).isEqualTo("a pipeline must be a mapping, found a string");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(malformed(WORKFLOW, "").message()).contains("no YAML document");
        assertThat(malformed(GITLAB, "# only a comment\n").message()).contains("no YAML document");
        assertThat(malformed(GITLAB, "---\n").message()).isEqualTo("a pipeline must be a mapping, found null");
    }

    @Test
    void refusesAWorkflowOfSeveralDocuments() {
        MalformedCiFile malformed = malformed(WORKFLOW, "on: push\njobs: {}\n---\non: pull_request\njobs: {}\n");
        assertThat(malformed.message()).isEqualTo("a workflow must be one YAML document, found 2");
    }

    @Test
    void refusesAFieldOfAShapeTheSystemNeverAccepts() {
        MalformedCiFile steps = malformed(WORKFLOW, """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      run: make
                """);
        assertThat(steps.message()).isEqualTo("jobs.build.steps: expected a list, found a mapping");
        assertThat(steps.line()).isEqualTo(6);
        assertThat(steps.column()).isEqualTo(7);

        MalformedCiFile jobs = malformed(WORKFLOW, "on: push\njobs: [build, test]\n");
        assertThat(jobs.message()).isEqualTo("jobs: expected a mapping, found a list");

        MalformedCiFile branches = malformed(WORKFLOW, "on:\n  push:\n    branches: {main: true}\njobs: {}\n");
        assertThat(branches.message()).isEqualTo("on.push.branches: expected a string or a list, found a mapping");

        MalformedCiFile job = malformed(GITLAB, "build: make all\n");
        assertThat(job.message()).isEqualTo("build: expected a mapping (a job), found a string");

        MalformedCiFile variables = malformed(GITLAB, "variables: [A, B]\nbuild: {script: make}\n");
        assertThat(variables.message()).isEqualTo("variables: expected a mapping, found a list");
    }

    @Test
    void refusesAWorkflowJobWithoutBody() {
        MalformedCiFile malformed = malformed(WORKFLOW, "on: push\njobs:\n  build:\n");
        assertThat(malformed.message()).isEqualTo("jobs.build: expected a mapping, found null");
        assertThat(malformed.line()).isEqualTo(3);
    }

    @Test
    void reportsTheLineOfAnErrorInAFileWithWindowsLineEndings() {
        MalformedCiFile malformed = malformed(GITLAB, "a: 1\r\nb: 2\r\na: 3\r\n");
        assertThat(malformed.line()).isEqualTo(3);
        assertThat(malformed.column()).isEqualTo(1);
    }

    @Test
    void refusesAnIncludeThatNamesNoFile() {
        MalformedCiFile malformed = malformed(GITLAB, "include:\n  - rules: [{if: $X}]\nbuild: {script: make}\n");
        assertThat(malformed.message()).startsWith("include[0]: an include must name");
        assertThat(malformed.line()).isEqualTo(2);
    }

    @Test
    void refusesAnAliasBomb() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 12; level++) {
            bomb.append("a").append(level).append(": &a").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                bomb.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
            }
            bomb.append("]\n");
        }
        bomb.append("build: {script: make, tags: *a12}\n");
        MalformedCiFile malformed = malformed(GITLAB, bomb.toString());
        assertThat(malformed.message()).contains("alias bomb");
        assertThat(malformed.line()).isBetween(2, 14);
    }

    @Test
    void refusesAMergeKeyBomb() {
        StringBuilder bomb = new StringBuilder(".m0: &m0 {a: [x, x, x, x, x, x, x, x, x, x]}\n");
        for (int level = 1; level <= 12; level++) {
            bomb.append(".m").append(level).append(": &m").append(level).append(" {");
            for (int i = 0; i < 10; i++) {
                bomb.append(i == 0 ? "" : ", ").append("k").append(i).append(": *m").append(level - 1);
            }
            bomb.append("}\n");
        }
        bomb.append("build:\n  <<: *m12\n  script: make\n");
        assertThat(malformed(GITLAB, bomb.toString()).message()).contains("alias bomb");
    }

    @Test
    void acceptsManyAliasesOfOneSmallAnchor() {
        // A real pipeline may point hundreds of jobs at one rules block.
        StringBuilder yaml = new StringBuilder(".rules: &rules\n  - if: $CI_COMMIT_BRANCH == \"main\"\n");
        for (int i = 0; i < 2_000; i++) {
            yaml.append("job").append(i).append(":\n  rules: *rules\n  script: make\n");
        }
        CiFact fact = extractor.extract(GITLAB, yaml.toString());
        assertThat(fact).isInstanceOf(GitlabPipeline.class);
        assertThat(((GitlabPipeline) fact).jobs()).hasSize(2_000);
    }

    @Test
    void refusesAnAliasToAnUndefinedAnchor() {
        MalformedCiFile malformed = malformed(GITLAB, "build:\n  <<: *missing\n  script: make\n");
        assertThat(malformed.message()).contains("*missing");
        assertThat(malformed.line()).isEqualTo(2);
        assertThat(malformed.column()).isEqualTo(7);
    }

    @Test
    void refusesARecursiveAlias() {
        MalformedCiFile malformed = malformed(GITLAB, "build: &self\n  script: make\n  again: *self\n");
        assertThat(malformed.message()).contains("recursive alias");
        assertThat(malformed.line()).isEqualTo(3);
    }

    @Test
    void refusesAMergeKeyThatIsNotAMapping() {
        MalformedCiFile malformed = malformed(GITLAB, ".x: &x [a]\nbuild:\n  <<: *x\n  script: make\n");
        assertThat(malformed.message()).contains("merge key <<");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        MalformedCiFile malformed = malformed(GITLAB, deep);
        assertThat(malformed.message()).contains("nests deeper than " + YamlReader.MAX_DEPTH);
        assertThat(malformed.line()).isEqualTo(1);
    }

    @Test
    void refusesAFileOverOneMebibyteUnread() {
        String big = "build:\n  script:\n" + "    - echo 0123456789012345678901234567890123456789\n".repeat(25_000);
        MalformedCiFile malformed = malformed(GITLAB, big);
        assertThat(malformed.message()).startsWith("the file is larger than 1 MiB");
        assertThat(malformed.line()).isZero();
        assertThat(malformed.column()).isZero();
    }

    @Test
    void countsTheSizeLimitInUtf8Bytes() {
        // 400,000 characters, but 1.2 MB in UTF-8.
        String big = "name: \"" + "€".repeat(400_000) + "\"\non: push\njobs: {}\n";
        assertThat(malformed(WORKFLOW, big).message()).startsWith("the file is larger than 1 MiB");
    }

    @Test
    void readsAFileJustUnderTheLimit() {
        String big = "build:\n  script:\n" + "    - echo 0123456789012345678901234567890123456789\n".repeat(20_000);
        CiFact fact = extractor.extract(GITLAB, big);
        assertThat(fact).isInstanceOf(GitlabPipeline.class);
    }

    @Test
    void refusesACharacterYamlForbids() {
        MalformedCiFile malformed = malformed(WORKFLOW, "on: push\nname: a\u0007b\njobs: {}\n");
        assertThat(malformed.message()).isEqualTo("character U+0007 is not allowed in YAML");
        assertThat(malformed.line()).isEqualTo(2);
        assertThat(malformed.column()).isEqualTo(8);
    }

    @Test
    void refusesAComplexMappingKey() {
        MalformedCiFile malformed = malformed(GITLAB, "? [a, b]\n: c\n");
        assertThat(malformed.message()).isEqualTo("a mapping key must be a string, found a list");
    }

    @Test
    void rejectsAPathThatIsNotACiFile() {
        assertThatThrownBy(() -> extractor.extract("README.md", "# hi"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverThrowsOnGarbage() {
        Random random = new Random(20240601L);
        String alphabet = "ab: -[]{}&*!|>'\"#%@`\n\t ,?<<~\u00e9\ud83d\ude00\\";
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(80);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String path = round % 2 == 0 ? WORKFLOW : GITLAB;
            CiFact fact = extractor.extract(path, text.toString());
            assertThat(fact.path()).isEqualTo(path);
        }
    }

    @Test
    void neverThrowsWhenValuesOfRealFilesTakeOddShapes() {
        String[] odd = {"", "~", "[]", "{}", "5", "true", "[a, [b]]", "{a: {b: c}}", "!reference [.x, y]",
            "!reference {a: b}", "!!str x", "[{a: b}]", "[~]", "\"${{ x }}\"", "inherit", "{<<: {}}"};
        Random random = new Random(7L);
        for (String name : new String[] {"release.yml", "gitlab-ci.yml", "payload-sample.yml",
                "payload-sample-gitlab.yml"}) {
            String path = name.contains("gitlab") ? GITLAB : WORKFLOW;
            String[] lines = GithubWorkflowTest.resource(name).split("\n", -1);
            for (int round = 0; round < 1_500; round++) {
                String[] mutated = lines.clone();
                for (int change = 0; change < 3; change++) {
                    int at = random.nextInt(mutated.length);
                    int colon = mutated[at].indexOf(": ");
                    int dash = mutated[at].indexOf("- ");
                    String value = odd[random.nextInt(odd.length)];
                    if (colon > 0) {
                        mutated[at] = mutated[at].substring(0, colon + 2) + value;
                    } else if (dash >= 0) {
                        mutated[at] = mutated[at].substring(0, dash + 2) + value;
                    } else if (mutated[at].endsWith(":")) {
                        mutated[at] = mutated[at] + " " + value;
                    }
                }
                CiFact fact = extractor.extract(path, String.join("\n", mutated));
                assertThat(fact.path()).isEqualTo(path);
            }
        }
    }

    @Test
    void neverThrowsWhenAnyFieldIsATaggedCollection() {
        String[] workflowFields = {"name", "run-name", "on", "permissions", "env", "concurrency", "defaults",
            "jobs"};
        String[] jobFields = {"name", "runs-on", "needs", "permissions", "if", "environment", "strategy",
            "container", "services", "steps", "uses", "with", "secrets"};
        String[] gitlabFields = {"stages", "include", "default", "variables", "workflow", "image"};
        String[] gitlabJobFields = {"stage", "image", "needs", "dependencies", "extends", "rules", "when",
            "environment", "trigger", "tags"};
        for (String value : new String[] {"!reference {a: b}", "!reference [a, b]", "!custom {a: b}"}) {
            for (String field : workflowFields) {
                StringBuilder yaml = new StringBuilder(field + ": " + value + "\n");
                yaml.append(field.equals("on") ? "" : "on: push\n").append(field.equals("jobs") ? "" : "jobs: {}\n");
                assertThat(extractor.extract(WORKFLOW, yaml.toString()).path()).isEqualTo(WORKFLOW);
            }
            for (String field : jobFields) {
                String yaml = "on: push\njobs:\n  build:\n    " + field + ": " + value + "\n";
                assertThat(extractor.extract(WORKFLOW, yaml).path()).isEqualTo(WORKFLOW);
                String strategy = "on: push\njobs:\n  build:\n    strategy:\n      matrix: " + value + "\n";
                assertThat(extractor.extract(WORKFLOW, strategy).path()).isEqualTo(WORKFLOW);
                String trigger = "on:\n  push: " + value + "\n  schedule: " + value + "\njobs: {}\n";
                assertThat(extractor.extract(WORKFLOW, trigger).path()).isEqualTo(WORKFLOW);
            }
            for (String field : gitlabFields) {
                String yaml = field + ": " + value + "\nbuild: {script: make}\n";
                assertThat(extractor.extract(GITLAB, yaml).path()).isEqualTo(GITLAB);
            }
            for (String field : gitlabJobFields) {
                String yaml = "build:\n  script: make\n  " + field + ": " + value + "\n";
                assertThat(extractor.extract(GITLAB, yaml).path()).isEqualTo(GITLAB);
                String nested = "build:\n  script: make\n  " + field + ": [" + value + "]\n";
                assertThat(extractor.extract(GITLAB, nested).path()).isEqualTo(GITLAB);
            }
        }
    }

    @Test
    void neverThrowsOnTruncatedRealFiles() {
        for (String name : new String[] {"release.yml", "gitlab-ci.yml"}) {
            String text = GithubWorkflowTest.resource(name);
            String path = name.equals("release.yml") ? WORKFLOW : GITLAB;
            for (int cut = 0; cut < text.length(); cut += 7) {
                CiFact fact = extractor.extract(path, text.substring(0, cut));
                assertThat(fact.path()).isEqualTo(path);
            }
        }
    }
}
