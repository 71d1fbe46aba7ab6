package dev.leviathan.engine.execute.llm;

import dev.leviathan.engine.target.AllowedPath;
import dev.leviathan.engine.target.Policy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files the model is shown: every file inside the task's allowed paths as it is in the work
 * tree, in path order, with content until {@code capBytes} of content are used. A file that does
 * not fit, is binary, is a symlink (never followed) or is forbidden by the policy is listed
 * without content, so the model knows it exists; {@code .git} is never entered.
 */
final class WorkTreeContext {

    /** Walking stops after this many entries: a prompt cannot use more, and the walk must end. */
    static final int MAX_ENTRIES = 20_000;

    enum Shown { CONTENT, TOO_LARGE, BINARY, SYMLINK, FORBIDDEN, UNREADABLE }

    /** One file of the work tree, as the prompt shows it. */
    record ContextFile(String path, long size, Shown shown, Optional<String> content) {
    }

    /**
     * @param truncated true if the walk stopped at {@link #MAX_ENTRIES}, so not every file is listed
     */
    record Snapshot(List<ContextFile> files, long contentBytes, long capBytes, boolean truncated) {

        long count(Shown shown) {
            return files.stream().filter(f -> f.shown() == shown).count();
        }
    }

    private WorkTreeContext() {
    }

    static Snapshot collect(Path workTree, List<AllowedPath> allowedPaths, Policy policy, long capBytes) {
        Map<String, Entry> entries = new TreeMap<>();
        boolean truncated = false;
        for (AllowedPath allowed : allowedPaths) {
            truncated |= !gather(workTree, allowed, entries);
        }
        List<ContextFile> files = new ArrayList<>(entries.size());
        long used = 0;
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            String path = e.getKey();
            Entry entry = e.getValue();
            if (entry.symlink) {
                files.add(new ContextFile(path, entry.size, Shown.SYMLINK, Optional.empty()));
            } else if (policy.forbids(path)) {
                files.add(new ContextFile(path, entry.size, Shown.FORBIDDEN, Optional.empty()));
            } else if (entry.size > capBytes - used) {
                files.add(new ContextFile(path, entry.size, Shown.TOO_LARGE, Optional.empty()));
            } else {
                ContextFile file = read(workTree, path, entry.size, capBytes - used);
                if (file.shown() == Shown.CONTENT) {
                    used += file.size();
                }
                files.add(file);
            }
        }
        return new Snapshot(List.copyOf(files), used, capBytes, truncated);
    }

    private record Entry(long size, boolean symlink) {
    }

    /** Adds what {@code allowed} covers; false if the walk stopped at the entry limit. */
    private static boolean gather(Path workTree, AllowedPath allowed, Map<String, Entry> entries) {
        String value = allowed.isDirectory() ? allowed.value().substring(0, allowed.value().length() - 1) : allowed.value();
        Path target = workTree;
        String[] segments = value.split("/");
        for (int i = 0; i < segments.length; i++) {
            target = target.resolve(segments[i]);
            if (Files.isSymbolicLink(target)) {
                String shown = String.join("/", java.util.Arrays.copyOf(segments, i + 1));
                entries.putIfAbsent(shown, new Entry(0, true));
                return true;
            }
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        if (!allowed.isDirectory()) {
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                entries.putIfAbsent(value, new Entry(size(target), false));
            }
            return true;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        boolean[] complete = {true};
        try {
            Files.walkFileTree(target, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            Path name = dir.getFileName();
                            if (name != null && name.toString().toLowerCase(Locale.ROOT).equals(".git")) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (entries.size() >= MAX_ENTRIES) {
                                complete[0] = false;
                                return FileVisitResult.TERMINATE;
                            }
                            String path = relative(workTree, file);
                            if (path.toLowerCase(Locale.ROOT).contains(".git/")
                                    || path.toLowerCase(Locale.ROOT).endsWith("/.git")) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attrs.isSymbolicLink()) {
                                entries.putIfAbsent(path, new Entry(0, true));
                            } else if (attrs.isRegularFile()) {
                                entries.putIfAbsent(path, new Entry(attrs.size(), false));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // An unreadable directory shows no files; the model is told only what could be read.
        }
        return complete[0];
    }

    private static ContextFile read(Path workTree, String path, long size, long room) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(workTree.resolve(path));
        } catch (IOException e) {
            return new ContextFile(path, size, Shown.UNREADABLE, Optional.empty());
        }
        if (bytes.length > room) {
            // it grew since the walk saw it
            return new ContextFile(path, bytes.length, Shown.TOO_LARGE, Optional.empty());
        }
        for (byte b : bytes) {
            if (b == 0) {
                return new ContextFile(path, bytes.length, Shown.BINARY, Optional.empty());
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new ContextFile(path, bytes.length, Shown.CONTENT, Optional.of(text));
        } catch (CharacterCodingException e) {
            return new ContextFile(path, bytes.length, Shown.BINARY, Optional.empty());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    static String relative(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder out = new StringBuilder();
        for (Path name : rel) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(name);
        }
        return out.toString();
    }
}
