package dev.leviathan.engine.aegis.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads one AEGIS-K8s scenario file ({@code shared/AEGIS-SCENARIOS.md}) into a checked {@link Scenario}:
 * every unit converted, every default filled in, every reference resolved. A file with problems throws one
 * {@link ScenarioException} listing all of them.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    /** The scenario in {@code file}, which must be UTF-8. */
    public static ScenarioFile load(Path file) {
        return loadWithPosition(file).file();
    }

    /** The scenario in {@code yamlText}; problems name {@code sourceName} as the file. */
    public static ScenarioFile parse(String yamlText, String sourceName) {
        return parseWithPosition(yamlText, sourceName).file();
    }

    /** A loaded file and where its id is written (line, column), for problems across a suite. */
    record Loaded(ScenarioFile file, int idLine, int idColumn) {
    }

    static Loaded loadWithPosition(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw failure(source, "no such file", "check the path");
        } catch (IOException e) {
            throw failure(source, "cannot read the file: " + e.getMessage(), "");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw failure(source, "the file is not valid UTF-8", "save it as UTF-8");
        }
        return parseWithPosition(text, source);
    }

    static Loaded parseWithPosition(String yamlText, String sourceName) {
        Problems problems = new Problems(sourceName);
        Optional<Node> root = YamlTree.compose(yamlText, problems);
        if (root.isEmpty() && problems.isEmpty()) {
            problems.errorAt(1, 1, FieldPath.root(), "the file is empty",
                    "a scenario needs at least id, ticks, cluster and workloads");
        }
        // Equal keys leave a readable tree (the first one wins), so the reader still reports the rest.
        Optional<ScenarioReader.Read> read = root.flatMap(r -> ScenarioReader.read(r, problems));
        if (read.isEmpty() || !problems.isEmpty()) {
            throw new ScenarioException(problems.all());
        }
        Node id = read.get().idNode();
        int line = id.getStartMark().map(m -> m.getLine() + 1).orElse(1);
        int column = id.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
        ScenarioFile file = new ScenarioFile(sourceName, sha256(yamlText), yamlText, read.get().scenario());
        return new Loaded(file, line, column);
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static ScenarioException failure(String source, String message, String hint) {
        return new ScenarioException(List.of(new ScenarioProblem(source, 1, 1, "", message, hint)));
    }
}
