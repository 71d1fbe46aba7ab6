package dev.leviathan.engine.event;

import static dev.leviathan.engine.testkit.TestEvents.bundle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.graph.GraphProjection;
import dev.leviathan.engine.testkit.TestStores;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NdjsonTest {

    @TempDir
    Path dir;

    static Path pythonFixture() throws URISyntaxException {
        return Path.of(NdjsonTest.class.getResource("/fixtures/events/python-leviathan-events.ndjson").toURI());
    }

    @Test
    void exportThenImportIntoAnotherStoreReproducesTheSameChain() throws Exception {
        Path export = dir.resolve("events.ndjson");
        List<String> sourceHashes = new ArrayList<>();
        try (EventStore source = TestStores.h2(dir.resolve("a"))) {
            source.append(bundle("x", 30));
            source.scan(0, e -> sourceHashes.add(e.hash()));
            StringWriter out = new StringWriter();
            assertThat(NdjsonExport.write(source, 0, out)).isEqualTo(30);
            Files.writeString(export, out.toString());
        }
        try (EventStore target = TestStores.h2(dir.resolve("b"))) {
            NdjsonImport.Report report = new NdjsonImport(target).importFile(export);

            assertThat(report.ok()).isTrue();
            assertThat(report.format()).isEqualTo(NdjsonImport.Format.LEVIATHAN);
            assertThat(report.sourceChainIntact()).isTrue();
            assertThat(report.imported()).isEqualTo(30);
            List<String> importedHashes = new ArrayList<>();
            target.scan(0, e -> importedHashes.add(e.hash()));
            assertThat(importedHashes).isEqualTo(sourceHashes);
        }
    }

    @Test
    void importingTheSameFileTwiceAddsNothingTheSecondTime() throws Exception {
        try (EventStore store = TestStores.h2(dir)) {
            new NdjsonImport(store).importFile(pythonFixture());

            NdjsonImport.Report again = new NdjsonImport(store).importFile(pythonFixture());

            assertThat(again.imported()).isZero();
            assertThat(again.duplicates()).isEqualTo(14);
            assertThat(store.head().seq()).isEqualTo(14);
        }
    }

    @Test
    void importsThePublicPythonLeviathansEventsNdjsonCheckingItsChain() throws Exception {
        try (EventStore store = TestStores.h2(dir)) {
            NdjsonImport.Report report = new NdjsonImport(store).importFile(pythonFixture());

            assertThat(report.problems()).isEmpty();
            assertThat(report.format()).isEqualTo(NdjsonImport.Format.PYTHON_LEVIATHAN);
            assertThat(report.sourceChainIntact()).isTrue();
            assertThat(report.imported()).isEqualTo(14);
            StoredEvent doc = store.find("ev-004").orElseThrow();
            assertThat(doc.targetId()).isEqualTo("radix");
            assertThat(doc.envelope().timestamp()).isEqualTo("2026-01-25T10:03:00.003333");
            assertThat(doc.payload().json().get("doc_title").asText()).isEqualTo("Guía rápida ✓");
            assertThat(store.verify().intact()).isTrue();
            GraphProjection graph = GraphProjection.rebuild(store);
            assertThat(graph.attempt("attempt-1a2b3c4d").orElseThrow().status()).isEqualTo("succeeded");
            assertThat(graph.summary().nodesByType()).containsEntry("File", 2).containsEntry("PullRequest", 1);
        }
    }

    @Test
    void reportsEveryBadLineByNumberAndImportsNothing() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(pythonFixture()));
        lines.set(1, "{not json");
        lines.set(3, lines.get(3).replace("\"event_type\": \"doc.discovered\", ", ""));
        lines.set(5, lines.get(5).replace("\"timestamp\": \"2026-01-25T10:05:00.005555\"",
                "\"timestamp\": \"yesterday\""));
        Path file = dir.resolve("bad.ndjson");
        Files.write(file, lines);
        try (EventStore store = TestStores.h2(dir.resolve("store"))) {
            NdjsonImport.Report report = new NdjsonImport(store).importFile(file);

            assertThat(report.problems()).extracting(NdjsonImport.LineProblem::line).containsExactly(2L, 4L, 6L);
            assertThat(report.problems().get(0).message()).contains("not valid JSON");
            assertThat(report.problems().get(1).message()).contains("missing field event_type");
            assertThat(report.problems().get(2).message()).contains("not ISO-8601");
            assertThat(report.problems().get(0).render(file)).startsWith(file + ":2: ");
            assertThat(store.head().seq()).isZero();
        }
    }

    @Test
    void namesTheLineOfAnEditedPythonEvent() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(pythonFixture()));
        lines.set(5, lines.get(5).replace("\"path\": \"/health\"", "\"path\": \"/admin\""));
        Path file = dir.resolve("edited.ndjson");
        Files.write(file, lines);
        try (EventStore store = TestStores.h2(dir.resolve("store"))) {
            NdjsonImport.Report report = new NdjsonImport(store).importFile(file);

            assertThat(report.sourceChainIntact()).isFalse();
            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(6);
                assertThat(p.message()).contains("was edited");
            });
        }
    }

    @Test
    void namesTheLineWhereAnExportedLineWasRemoved() throws Exception {
        Path export = dir.resolve("events.ndjson");
        try (EventStore source = TestStores.h2(dir.resolve("a"))) {
            source.append(bundle("x", 5));
            StringWriter out = new StringWriter();
            NdjsonExport.write(source, 0, out);
            List<String> lines = new ArrayList<>(List.of(out.toString().split("\n")));
            lines.remove(2);
            Files.write(export, lines);
        }
        try (EventStore target = TestStores.h2(dir.resolve("b"))) {
            NdjsonImport.Report report = new NdjsonImport(target).importFile(export);

            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(3);
                assertThat(p.message()).contains("lines were removed, reordered or inserted");
            });
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1e-05, 1e-05", "0.0001, 0.0001", "1.5, 1.5", "100.0, 100.0", "1e16, 1e+16",
            "1e15, 1000000000000000.0", "123456789012345678.0, 1.2345678901234568e+17", "2.5e-7, 2.5e-07",
            "-3.0, -3.0", "12345.678, 12345.678"})
    void printsFloatsAsPythonsRepr(double value, String python) {
        assertThat(PythonEventHash.pythonRepr(value)).isEqualTo(python);
    }
}
