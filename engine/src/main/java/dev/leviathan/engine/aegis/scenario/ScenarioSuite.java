package dev.leviathan.engine.aegis.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every scenario below a directory, for {@code aegis eval --suite DIR}. */
public final class ScenarioSuite {

    private ScenarioSuite() {
    }

    /**
     * Every {@code *.yaml} and {@code *.yml} file below {@code dir}, at any depth, in the order of their
     * paths relative to {@code dir} (compared as text with {@code /} separators, so the order is the same on
     * every machine). Ids must be unique across the suite. When any file is bad, one exception lists the
     * problems of every bad file; a directory with no scenario file is an error too.
     */
    public static List<ScenarioFile> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw single(dir, "not a directory", "give the directory that holds the scenario files");
        }
        List<Path> files = scenarioFiles(dir);
        if (files.isEmpty()) {
            throw single(dir, "no *.yaml or *.yml file below this directory", "check the path");
        }
        List<ScenarioFile> loaded = new ArrayList<>();
        List<ScenarioProblem> problems = new ArrayList<>();
        Map<String, ScenarioFile> byId = new HashMap<>();
        for (Path file : files) {
            ScenarioLoader.Loaded located;
            try {
                located = ScenarioLoader.loadWithPosition(file);
            } catch (ScenarioException e) {
                problems.addAll(e.problems()); // every bad file is reported, in suite order
                continue;
            }
            ScenarioFile scenario = located.file();
            ScenarioFile earlier = byId.putIfAbsent(scenario.scenario().id(), scenario);
            if (earlier != null) {
                problems.add(new ScenarioProblem(scenario.source(), located.idLine(), located.idColumn(), "id",
                        "id '" + scenario.scenario().id() + "' is also the id of " + earlier.source(),
                        "ids are unique across a suite; rename one of the two"));
                continue;
            }
            loaded.add(scenario);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return List.copyOf(loaded);
    }

    private static List<Path> scenarioFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted((a, b) -> relative(dir, a).compareTo(relative(dir, b)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static ScenarioException single(Path dir, String message, String hint) {
        return new ScenarioException(List.of(new ScenarioProblem(dir.toString(), 1, 1, "", message, hint)));
    }
}
