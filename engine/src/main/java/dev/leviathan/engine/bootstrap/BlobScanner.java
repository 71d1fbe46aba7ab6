package dev.leviathan.engine.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * Reads the blobs of many paths of a commit on all cores, each worker with an object reader of
 * its own (JGit's readers are not thread-safe; its caches are shared), and hands each blob to a
 * {@link BlobVisitor}. Results come back in the order of the entries, whatever order the
 * workers finished in, so what is built from them is deterministic.
 */
final class BlobScanner {

    /** Blobs up to this size are read whole; larger ones are streamed and only their head kept. */
    static final int WHOLE_LIMIT = 16 * 1024 * 1024;

    /** The head of a blob that classification sees (git's own binary check reads this much). */
    static final int HEAD_BYTES = 8000;

    /** Sees one blob; called on a worker thread. */
    interface BlobVisitor<R> {
        /**
         * @param content the whole blob, or null when it was larger than {@link #WHOLE_LIMIT}
         * @param head its first {@link #HEAD_BYTES} bytes (or fewer)
         */
        R visit(CommitEntry entry, long size, String sha256, byte[] content, byte[] head);

        /** For a submodule, which has no blob in this repository. */
        R submodule(CommitEntry entry);
    }

    private static final HexFormat HEX = HexFormat.of();

    private final Repository repository;
    private final int threads;

    BlobScanner(Repository repository, int threads) {
        this.repository = repository;
        this.threads = Math.max(1, threads);
    }

    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    <R> List<R> scan(List<CommitEntry> entries, BlobVisitor<R> visitor, BooleanSupplier cancelled,
            BootstrapProgress progress) {
        Object[] results = new Object[entries.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int every = Math.max(1, entries.size() / 100);
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bootstrap-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> workers = new ArrayList<>(threads);
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    MessageDigest sha256 = sha256();
                    try (ObjectReader reader = repository.newObjectReader()) {
                        for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                            if (cancelled.getAsBoolean()) {
                                throw new CancellationException("bootstrap cancelled");
                            }
                            results[i] = read(reader, sha256, entries.get(i), visitor);
                            int count = done.incrementAndGet();
                            if (count % every == 0 || count == results.length) {
                                progress.files(count, results.length);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("bootstrap interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return list;
    }

    private static <R> R read(ObjectReader reader, MessageDigest sha256, CommitEntry entry, BlobVisitor<R> visitor) {
        if (!entry.hasBlob()) {
            return visitor.submodule(entry);
        }
        try {
            ObjectLoader loader = reader.open(entry.objectId(), Constants.OBJ_BLOB);
            long size = loader.getSize();
            if (!loader.isLarge() && size <= WHOLE_LIMIT) {
                byte[] content = loader.getCachedBytes();
                String digest = HEX.formatHex(sha256.digest(content));
                byte[] head = content.length <= HEAD_BYTES ? content : Arrays.copyOf(content, HEAD_BYTES);
                return visitor.visit(entry, size, digest, content, head);
            }
            byte[] head = new byte[HEAD_BYTES];
            int headLength = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = loader.openStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha256.update(buffer, 0, n);
                    int take = Math.min(n, HEAD_BYTES - headLength);
                    if (take > 0) {
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                }
            }
            return visitor.visit(entry, size, HEX.formatHex(sha256.digest()), null, Arrays.copyOf(head, headLength));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry.path() + " (" + entry.objectId().name() + "): "
                    + e.getMessage(), e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
