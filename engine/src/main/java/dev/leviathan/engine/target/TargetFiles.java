package dev.leviathan.engine.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads and validates the files that put a repository under Leviathan. Nothing here writes to disk.
 *
 * <p>{@code validate…} returns every problem in the file (errors and warnings, in file order) and
 * never throws for bad content. {@code load…} returns the typed value, with any warnings on it,
 * or throws {@link TargetFileException} carrying every problem if there is at least one error.
 * Content may come as bytes (checked to be UTF-8; git blobs arrive this way) or as text; the
 * {@code fileName} is only used to name the file in problems. A {@link Path} that does not exist is
 * an error, except for the autonomy configuration, which then is {@link AutonomyConfig#defaults()}
 * (autonomy off). Reading a file that exists but cannot be read throws {@link UncheckedIOException}.
 */
public final class TargetFiles {

    /** Larger files are refused before they are read or parsed. */
    public static final int MAX_FILE_BYTES = YamlDocument.MAX_BYTES;
    public static final String CONTRACT_FILE = TargetConfig.DEFAULT_CONTRACT_PATH;
    public static final String BACKLOG_FILE = TargetConfig.DEFAULT_BACKLOG_PATH;
    public static final String POLICY_FILE = TargetConfig.DEFAULT_POLICY_PATH;

    private record Kind<T>(String emptyHint, BiFunction<Node, Problems, Optional<T>> reader) {
    }

    private static final Kind<Backlog> BACKLOG = new Kind<>(BacklogReader.EMPTY_HINT, BacklogReader::read);
    private static final Kind<Policy> POLICY = new Kind<>(PolicyReader.EMPTY_HINT, PolicyReader::read);
    private static final Kind<Contract> CONTRACT = new Kind<>(ContractReader.EMPTY_HINT, ContractReader::read);
    private static final Kind<AutonomyConfig> AUTONOMY =
            new Kind<>(AutonomyConfigReader.EMPTY_HINT, AutonomyConfigReader::read);
    private static final Kind<BootstrapConfig> BOOTSTRAP =
            new Kind<>(BootstrapConfigReader.EMPTY_HINT, BootstrapConfigReader::read);
    private static final Kind<TargetConfig> TARGET = new Kind<>(TargetConfigReader.EMPTY_HINT, TargetConfigReader::read);

    private TargetFiles() {
    }

    // backlog.yaml

    public static Backlog loadBacklog(Path file) {
        return load(BACKLOG, file);
    }

    public static Backlog loadBacklog(String fileName, String content) {
        return load(BACKLOG, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static Backlog loadBacklog(String fileName, byte[] content) {
        return load(BACKLOG, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static List<Problem> validateBacklog(String fileName, String content) {
        return validate(BACKLOG, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static List<Problem> validateBacklog(String fileName, byte[] content) {
        return validate(BACKLOG, fileName, problems -> YamlDocument.parse(content, problems));
    }

    // policy.yaml

    public static Policy loadPolicy(Path file) {
        return load(POLICY, file);
    }

    public static Policy loadPolicy(String fileName, String content) {
        return load(POLICY, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static Policy loadPolicy(String fileName, byte[] content) {
        return load(POLICY, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static List<Problem> validatePolicy(String fileName, String content) {
        return validate(POLICY, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static List<Problem> validatePolicy(String fileName, byte[] content) {
        return validate(POLICY, fileName, problems -> YamlDocument.parse(content, problems));
    }

    // contract.yaml

    public static Contract loadContract(Path file) {
        return load(CONTRACT, file);
    }

    public static Contract loadContract(String fileName, String content) {
        return load(CONTRACT, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static Contract loadContract(String fileName, byte[] content) {
        return load(CONTRACT, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static List<Problem> validateContract(String fileName, String content) {
        return validate(CONTRACT, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static List<Problem> validateContract(String fileName, byte[] content) {
        return validate(CONTRACT, fileName, problems -> YamlDocument.parse(content, problems));
    }

    // autonomy configuration

    /** A missing file gives {@link AutonomyConfig#defaults()} (autonomy off) with a warning saying so. */
    public static AutonomyConfig loadAutonomyConfig(Path file) {
        if (Files.notExists(file)) {
            Problem missing = new Problem(file.toString(), 1, 1, "", "file not found; autonomy stays disabled",
                    "create it with autonomy_enabled: true to enable autonomy", Problem.Severity.WARNING);
            return AutonomyConfigReader.withWarnings(AutonomyConfig.defaults(), List.of(missing));
        }
        return load(AUTONOMY, file);
    }

    public static AutonomyConfig loadAutonomyConfig(String fileName, String content) {
        return load(AUTONOMY, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static AutonomyConfig loadAutonomyConfig(String fileName, byte[] content) {
        return load(AUTONOMY, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static List<Problem> validateAutonomyConfig(String fileName, String content) {
        return validate(AUTONOMY, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static List<Problem> validateAutonomyConfig(String fileName, byte[] content) {
        return validate(AUTONOMY, fileName, problems -> YamlDocument.parse(content, problems));
    }

    // bootstrap.yaml

    public static BootstrapConfig loadBootstrapConfig(String fileName, byte[] content) {
        return load(BOOTSTRAP, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static List<Problem> validateBootstrapConfig(String fileName, byte[] content) {
        return validate(BOOTSTRAP, fileName, problems -> YamlDocument.parse(content, problems));
    }

    // target file

    public static TargetConfig loadTargetConfig(Path file) {
        return load(TARGET, file);
    }

    public static TargetConfig loadTargetConfig(String fileName, String content) {
        return load(TARGET, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static TargetConfig loadTargetConfig(String fileName, byte[] content) {
        return load(TARGET, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static List<Problem> validateTargetConfig(String fileName, String content) {
        return validate(TARGET, fileName, problems -> YamlDocument.parse(content, problems));
    }

    public static List<Problem> validateTargetConfig(String fileName, byte[] content) {
        return validate(TARGET, fileName, problems -> YamlDocument.parse(content, problems));
    }

    // shared

    private interface Parse {
        Optional<Node> into(Problems problems);
    }

    private static <T> T load(Kind<T> kind, Path file) {
        String name = file.toString();
        try {
            if (Files.notExists(file)) {
                throw whole(name, "file not found", "create it, or check the path");
            }
            if (!Files.isRegularFile(file)) {
                throw whole(name, "not a regular file", "point at the YAML file itself");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw whole(name, YamlDocument.tooLarge(size), "split the file or remove unused entries");
            }
            byte[] content = Files.readAllBytes(file);
            return load(kind, name, problems -> YamlDocument.parse(content, problems));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static TargetFileException whole(String file, String message, String hint) {
        return new TargetFileException(List.of(new Problem(file, 1, 1, "", message, hint, Problem.Severity.ERROR)));
    }

    private static <T> T load(Kind<T> kind, String fileName, Parse parse) {
        Problems problems = new Problems(fileName);
        Optional<T> value = read(kind, parse, problems);
        problems.throwIfErrors();
        return value.orElseThrow(() -> new IllegalStateException("a reader returned nothing without an error"));
    }

    private static <T> List<Problem> validate(Kind<T> kind, String fileName, Parse parse) {
        Problems problems = new Problems(fileName);
        read(kind, parse, problems);
        return problems.all();
    }

    private static <T> Optional<T> read(Kind<T> kind, Parse parse, Problems problems) {
        Optional<Node> root = parse.into(problems);
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        if (root.isEmpty()) {
            problems.errorAt(1, 1, FieldPath.root(), "the file is empty", kind.emptyHint());
            return Optional.empty();
        }
        return kind.reader().apply(root.get(), problems);
    }
}
