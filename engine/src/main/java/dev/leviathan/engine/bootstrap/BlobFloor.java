package dev.leviathan.engine.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The floor a bootstrap is measured against: reading every blob of a commit through JGit and
 * hashing it, on the same threads a bootstrap uses, and nothing else.
 */
public final class BlobFloor {

    /** What the floor read. */
    public record Result(String commit, int blobs, long bytes, double seconds) {
    }

    private BlobFloor() {
    }

    public static Result measure(Path repositoryDir, String ref, int threads) {
        try (Repository repository = new FileRepositoryBuilder().findGitDir(repositoryDir.toFile()).setMustExist(true)
                .build()) {
            ObjectId commit = CommitTree.resolve(repository, ref, "HEAD", repositoryDir.getFileName().toString());
            long start = System.nanoTime();
            CommitTree tree = CommitTree.read(repository, commit);
            List<Long> sizes = new BlobScanner(repository, threads).scan(tree.entries(),
                    new BlobScanner.BlobVisitor<>() {
                        @Override
                        public Long visit(CommitEntry entry, long size, String sha256, byte[] content, byte[] head) {
                            return size;
                        }

                        @Override
                        public Long submodule(CommitEntry entry) {
                            return 0L;
                        }
                    }, () -> false, BootstrapProgress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(commit.name(), sizes.size(), sizes.stream().mapToLong(Long::longValue).sum(), seconds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the repository at " + repositoryDir + ": " + e.getMessage(), e);
        }
    }

    /** The threads a bootstrap reads with by default: one per core. */
    public static int defaultThreads() {
        return BlobScanner.defaultThreads();
    }
}
