package dev.leviathan.engine.bootstrap.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocDetectorTest {

    private final FileClassifier classifier = new FileClassifier();
    private final DocDetector detector = new DocDetector();

    private boolean isDoc(String path) {
        return detector.isDoc(path, classifier.classify(path, Heads.of("text")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"README.md", "readme.markdown", "docs/getting-started.md", "guides/deploy.mdx",
        "docs/source/index.rst", "docs/manual.adoc", "book/chapter-1.asciidoc", "notes.txt", "TODO.txt",
        "packages/api/README.md", "README", "README.txt", "README.zh-CN.md", "README_ja.md", "CHANGELOG",
        "CHANGELOG.md", "CHANGES.rst", "ChangeLog", "HISTORY.md", "NEWS", "UPGRADING.md", "CONTRIBUTING.md",
        "CODE_OF_CONDUCT.md", "SECURITY.md", "AUTHORS", "CONTRIBUTORS.txt", "MAINTAINERS",
        ".github/PULL_REQUEST_TEMPLATE.md", ".github/ISSUE_TEMPLATE/bug_report.md", "docs/notes",
        "Documentation/process/coding-style.rst", "doc/faq.txt", "README.org", "docs/api.pod", "README.rdoc",
        "tests/README.md", "tests/fixtures/README.md", "AGENTS.md", ".changeset/brave-cats-dance.md",
        "engine/src/test/resources/bootstrap/classify/DECISIONS.md"})
    void acceptsDocumentation(String path) {
        assertThat(isDoc(path)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"requirements.txt", "requirements-dev.txt", "docs/requirements.txt", "CMakeLists.txt",
        "public/robots.txt", "LICENSE", "LICENSE.md", "LICENSE.txt", "COPYING", "NOTICE", "docs/LICENSE.rst",
        "docs/conf.py", "docs/Makefile", "docs/make.bat", "docs/_config.yml", "docs/index.html",
        "docs/openapi.yaml", "docs/CNAME", "docs/.nojekyll", "docs/.markdownlint.json", "docs/diagram.puml",
        "tests/fixtures/heading.md", "test/testdata/input.md", "spec/fixtures/files/report.md",
        "src/test/resources/expected.txt", "tests/data/input.txt", "src/main/resources/banner.txt",
        "data/vocab.txt", "static/humans.txt", "vendor/modules.txt", "meson_options.txt", "runtime.txt",
        "src/App.java", "package.json", ".gitignore", "VERSION", "version.txt", "Dockerfile",
        "docs/spelling_wordlist.txt", "nlp/stopwords-en.txt", ".well-known/security.txt"})
    void rejectsWhatIsNotDocumentation(String path) {
        assertThat(isDoc(path)).isFalse();
    }

    @Test
    void imagesUnderDocsAreNoDocuments() {
        FileKind png = classifier.classify("docs/images/flow.png", Heads.of("nul"));

        assertThat(detector.isDoc("docs/images/flow.png", png)).isFalse();
    }

    @Test
    void readmeThatIsAScriptIsCode() {
        FileKind install = classifier.classify("install", Heads.utf8("#!/bin/sh\nset -e\n"));

        assertThat(install.category()).isEqualTo(Category.CODE);
        assertThat(detector.isDoc("install", install)).isFalse();
    }

    @Test
    void readmeWithACodeExtensionIsCode() {
        assertThat(isDoc("examples/readme.py")).isFalse();
        assertThat(isDoc("CHANGELOG.yml")).isFalse();
    }

    @Test
    void binaryDocumentIsNoDocument() {
        FileKind kind = new FileKind("markdown", null, Category.DOC, true);

        assertThat(detector.isDoc("README.md", kind)).isFalse();
    }

    @Test
    void extensionlessReadmeIsADocumentEvenUnread() {
        FileKind kind = classifier.classify("README", null);

        assertThat(kind).isEqualTo(new FileKind("unknown", null, Category.DOC, false));
        assertThat(detector.isDoc("README", kind)).isTrue();
    }

    @Test
    void textUnderDocsWithAnUnknownExtensionIsADocument() {
        assertThat(isDoc("docs/release-process.notes")).isTrue();
        assertThat(isDoc("notes/release-process.notes")).isFalse();
    }
}
