package dev.leviathan.engine.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Content-addressed files under {@code <home>/artifacts}: {@code sha256/ab/abcdef…}. Content is
 * written to a temp file, hashed on the way, then renamed into place, so a reader never sees a
 * partial artifact and a crash leaves at worst a temp file. Writing the same content twice
 * stores it once.
 */
public final class ArtifactStore {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private final Path root;

    public ArtifactStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    static boolean isDigest(String text) {
        return text != null && DIGEST.matcher(text).matches();
    }

    public ArtifactRef put(byte[] content) {
        try (InputStream in = new java.io.ByteArrayInputStream(content)) {
            return put(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ArtifactRef put(InputStream content) {
        try {
            Path temp = tempDir();
            Path file = Files.createTempFile(temp, "put-", ".tmp");
            try {
                MessageDigest sha256 = sha256();
                long size;
                try (DigestInputStream in = new DigestInputStream(content, sha256);
                        OutputStream out = Files.newOutputStream(file)) {
                    size = in.transferTo(out);
                }
                String digest = HEX.formatHex(sha256.digest());
                Path target = pathOf(digest);
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    moveIntoPlace(file, target);
                }
                return new ArtifactRef(digest, size);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an artifact under " + root + ": " + e.getMessage(), e);
        }
    }

    private static void moveIntoPlace(Path file, Path target) throws IOException {
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another writer stored the same content first: same bytes, nothing to do.
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target);
        }
    }

    public boolean contains(String sha256) {
        return isDigest(sha256) && Files.isRegularFile(pathOf(sha256));
    }

    public Optional<Path> path(String sha256) {
        return contains(sha256) ? Optional.of(pathOf(sha256)) : Optional.empty();
    }

    public byte[] read(String sha256) {
        Path path = path(sha256).orElseThrow(() -> new ArtifactNotFoundException(sha256, root));
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rehashes every artifact (both cores) and, when given, checks that each digest named by an
     * event is present.
     */
    public ArtifactReport verify(Collection<String> referenced) {
        List<String> corrupt = Collections.synchronizedList(new ArrayList<>());
        List<String> stray = Collections.synchronizedList(new ArrayList<>());
        AtomicLong checked = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        Path base = root.resolve("sha256");
        if (Files.isDirectory(base)) {
            try (Stream<Path> files = Files.walk(base)) {
                files.filter(Files::isRegularFile).toList().parallelStream().forEach(file -> {
                    String name = file.getFileName().toString();
                    if (!isDigest(name) || !file.getParent().getFileName().toString().equals(name.substring(0, 2))) {
                        stray.add(root.relativize(file).toString());
                        return;
                    }
                    checked.incrementAndGet();
                    try (InputStream in = Files.newInputStream(file)) {
                        MessageDigest sha256 = sha256();
                        byte[] buffer = new byte[64 * 1024];
                        int read;
                        while ((read = in.read(buffer)) > 0) {
                            sha256.update(buffer, 0, read);
                            bytes.addAndGet(read);
                        }
                        if (!HEX.formatHex(sha256.digest()).equals(name)) {
                            corrupt.add(name);
                        }
                    } catch (IOException e) {
                        corrupt.add(name);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot walk " + base + ": " + e.getMessage(), e);
            }
        }
        List<String> missing = referenced.stream().distinct().filter(sha -> !contains(sha)).sorted().toList();
        return new ArtifactReport(checked.get(), bytes.get(), corrupt.stream().sorted().toList(), missing,
                stray.stream().sorted().toList());
    }

    private Path pathOf(String sha256) {
        return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private Path tempDir() throws IOException {
        return Files.createDirectories(root.resolve("tmp"));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
