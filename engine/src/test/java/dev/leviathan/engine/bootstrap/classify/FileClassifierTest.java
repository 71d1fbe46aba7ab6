package dev.leviathan.engine.bootstrap.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class FileClassifierTest {

    private final FileClassifier classifier = new FileClassifier();
    private final DocDetector docs = new DocDetector();

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/bootstrap/classify/paths.csv", delimiter = '|', nullValues = "null",
            quoteCharacter = '\u0000', ignoreLeadingAndTrailingWhitespace = true)
    void classifiesRealWorldPaths(String path, String head, String fileType, String language, Category category,
            boolean binary) {
        FileKind kind = classifier.classify(path, Heads.of(head));

        assertThat(kind).isEqualTo(new FileKind(fileType, language, category, binary));
    }

    @Test
    void docCategoryIsExactlyWhatTheDocDetectorAccepts() throws IOException {
        List<String> disagreements = new ArrayList<>();
        for (String[] row : table()) {
            FileKind kind = classifier.classify(row[0], Heads.of(row[1]));
            boolean categoryDoc = kind.category() == Category.DOC;
            if (categoryDoc != docs.isDoc(row[0], kind)) {
                disagreements.add(row[0]);
            }
        }

        assertThat(disagreements).isEmpty();
    }

    @Test
    void matchesExtensionsInAnyCase() {
        assertThat(classifier.classify("src/Main.JAVA", Heads.of("text")).fileType()).isEqualTo("java");
        assertThat(classifier.classify("docs/Guide.Md", Heads.of("text")).fileType()).isEqualTo("markdown");
        assertThat(classifier.classify("assets/PHOTO.JPG", Heads.of("nul")).fileType()).isEqualTo("image");
    }

    @Test
    void keepsTheCaseOfNamesWhoseToolsKeepIt() {
        assertThat(classifier.classify("Makefile", Heads.of("text")).fileType()).isEqualTo("makefile");
        assertThat(classifier.classify("MAKEFILE", Heads.of("text")).fileType()).isEqualTo("text");
        assertThat(classifier.classify("BUILD", Heads.of("text")).fileType()).isEqualTo("bazel");
        assertThat(classifier.classify("build", Heads.of("text")).fileType()).isEqualTo("text");
        assertThat(classifier.classify("Gemfile", Heads.of("text")).fileType()).isEqualTo("gemfile");
        assertThat(classifier.classify("gemfile", Heads.of("text")).fileType()).isEqualTo("text");
    }

    @Test
    void readsTheNameAloneWhenNoHeadIsGiven() {
        assertThat(classifier.classify("src/App.java", null)).isEqualTo(new FileKind("java", "java", Category.CODE, false));
        assertThat(classifier.classify("logo.png", null)).isEqualTo(new FileKind("image", null, Category.ASSET, true));
        assertThat(classifier.classify("scripts/deploy", null).fileType()).isEqualTo("unknown");
    }

    @Test
    void githubWorkflowsCountOnlyAtTheRepositoryRoot() {
        assertThat(classifier.classify(".github/workflows/ci.yml", Heads.of("text")).category()).isEqualTo(Category.CI);
        assertThat(classifier.classify("packages/api/.github/workflows/ci.yml", Heads.of("text")).fileType())
                .isEqualTo("yaml");
    }

    @Test
    void dotenvFilesAreSecretsWhileTheirTemplatesAreConfiguration() {
        assertThat(classifier.mayHoldSecrets(".env")).isTrue();
        assertThat(classifier.mayHoldSecrets("services/api/.env.production")).isTrue();
        assertThat(classifier.mayHoldSecrets(".envrc")).isTrue();
        assertThat(classifier.mayHoldSecrets(".env.example")).isFalse();
        assertThat(classifier.mayHoldSecrets("config/.env.sample")).isFalse();
        assertThat(classifier.mayHoldSecrets("deploy/prod.env.example")).isFalse();
        assertThat(classifier.mayHoldSecrets("src/env.ts")).isFalse();
        assertThat(classifier.mayHoldSecrets(".example.env")).isFalse();
        assertThat(classifier.mayHoldSecrets(".env.jinja")).isFalse();
        assertThat(classifier.mayHoldSecrets(".env.test")).isTrue();
        assertThat(classifier.mayHoldSecrets("config/.env.production.local")).isTrue();
    }

    @Test
    void privateKeysAndKeyStoresAreSecrets() {
        assertThat(classifier.mayHoldSecrets("certs/tls.key")).isTrue();
        assertThat(classifier.mayHoldSecrets("android/app/release.keystore")).isTrue();
        assertThat(classifier.mayHoldSecrets("certs/client.p12")).isTrue();
        assertThat(classifier.mayHoldSecrets(".ssh/id_ed25519")).isTrue();
        assertThat(classifier.mayHoldSecrets(".ssh/id_ed25519.pub")).isFalse();
        assertThat(classifier.mayHoldSecrets("certs/ca.crt")).isFalse();
    }

    @Test
    void neverLooksIntoASecretFile() {
        FileKind kind = classifier.classify(".env", Heads.of("nul"));

        assertThat(kind).isEqualTo(new FileKind("dotenv", null, Category.SECRET, false));
    }

    @Test
    void templatesAreClassifiedByWhatTheyTemplate() {
        assertThat(classifier.classify("config/database.yml.dist", Heads.of("text")).fileType()).isEqualTo("yaml");
        assertThat(classifier.classify("phpunit.xml.dist", Heads.of("text")).fileType()).isEqualTo("xml");
        assertThat(classifier.classify("docker-compose.yml.example", Heads.of("text")).fileType())
                .isEqualTo("docker-compose");
        assertThat(classifier.classify("roles/web/templates/site.conf.j2", Heads.of("text")).fileType())
                .isEqualTo("conf");
        assertThat(classifier.classify("templates/index.j2", Heads.of("text")).fileType()).isEqualTo("jinja");
    }

    @Test
    void javaScriptConfigFilesAreConfigurationInTheirLanguage() {
        FileKind jest = classifier.classify("jest.config.js", Heads.of("text"));
        FileKind next = classifier.classify("apps/web/next.config.mjs", Heads.of("text"));
        FileKind appConfig = classifier.classify("src/config.ts", Heads.of("text"));

        assertThat(jest).isEqualTo(new FileKind("javascript", "javascript", Category.CONFIG, false));
        assertThat(next).isEqualTo(new FileKind("javascript", "javascript", Category.CONFIG, false));
        assertThat(appConfig.category()).isEqualTo(Category.CODE);
    }

    @Test
    void yamlWithoutKubernetesKeysAtTheTopStaysYaml() {
        FileKind nested = classifier.classify("config/app.yaml",
                Heads.utf8("service:\n  apiVersion: v1\n  kind: thing\n"));

        assertThat(nested.fileType()).isEqualTo("yaml");
    }

    @Test
    void objectiveCWinsForDotMWhenNothingTells() {
        FileKind kind = classifier.classify("src/Thing.m", Heads.utf8("\n\n"));

        assertThat(kind.fileType()).isEqualTo("objective-c");
    }

    @Test
    void unknownInterpretersLeaveTheScriptAsText() {
        FileKind kind = classifier.classify("tools/run", Heads.utf8("#!/opt/acme/bin/acme-runner\n"));

        assertThat(kind.fileType()).isEqualTo("text");
    }

    @Test
    void classifiesTheSameInputTheSameWay() throws IOException {
        for (String[] row : table()) {
            FileKind first = classifier.classify(row[0], Heads.of(row[1]));
            FileKind second = new FileClassifier().classify(row[0], Heads.of(row[1]));
            assertThat(second).as(row[0]).isEqualTo(first);
        }
    }

    @Test
    void classifiesFromManyThreadsAsFromOne() throws IOException {
        List<String[]> rows = table();
        List<FileKind> sequential = rows.stream().map(row -> classifier.classify(row[0], Heads.of(row[1]))).toList();

        for (int round = 0; round < 20; round++) {
            List<FileKind> parallel = rows.parallelStream()
                    .map(row -> classifier.classify(row[0], Heads.of(row[1]))).toList();
            assertThat(parallel).isEqualTo(sequential);
        }
    }

    @Test
    void survivesOddPaths() {
        assertThat(classifier.classify("", Heads.of("text")).fileType()).isEqualTo("text");
        assertThat(classifier.classify("dir/", null).fileType()).isEqualTo("unknown");
        assertThat(classifier.classify("a/.", Heads.of("text")).fileType()).isEqualTo("text");
        assertThat(classifier.classify("weird..name..", Heads.of("text")).fileType()).isEqualTo("text");
        assertThat(classifier.classify("x.in", Heads.of("text")).fileType()).isEqualTo("text");
        assertThat(classifier.classify(".in", Heads.of("text")).category()).isEqualTo(Category.CONFIG);
    }

    @Test
    void versionIsOne() {
        assertThat(FileClassifier.VERSION).isEqualTo(1);
    }

    static List<String[]> table() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = FileClassifierTest.class.getResourceAsStream("/bootstrap/classify/paths.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].trim();
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
