package dev.leviathan.engine.execute.scope;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.CoreConfig.EolStreamType;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.util.io.EolStreamTypeUtil;

/**
 * Compares the scanned work tree with the base tree path by path and turns every difference into
 * a {@link Change}. Content is read once per file: unchanged files are only hashed; the blobs of
 * changed files and symlinks are written to the object database, so the worker commits exactly the
 * content that was judged.
 */
final class ChangeCollector {

    private final BaseTree base;
    private final WorkTreeScan.Result scan;
    private final ObjectReader reader;
    private final ObjectInserter inserter;
    private final boolean fileMode;
    private final ObjectInserter.Formatter hasher = new ObjectInserter.Formatter();

    ChangeCollector(BaseTree base, WorkTreeScan.Result scan, ObjectReader reader, ObjectInserter inserter,
            boolean fileMode) {
        this.base = base;
        this.fileMode = fileMode;
        this.scan = scan;
        this.reader = reader;
        this.inserter = inserter;
    }

    List<Change> collect() throws IOException {
        List<Change> changes = new ArrayList<>();
        Iterator<Map.Entry<String, BaseTree.Entry>> old = base.entries().entrySet().iterator();
        Iterator<WorkTreeScan.WorkFile> now = scan.files().values().iterator();
        Map.Entry<String, BaseTree.Entry> b = old.hasNext() ? old.next() : null;
        WorkTreeScan.WorkFile w = now.hasNext() ? now.next() : null;
        while (b != null || w != null) {
            int order = b == null ? 1 : w == null ? -1 : PathOrder.compare(b.getKey(), w.path());
            if (order < 0) {
                boolean checkedOutSubmodule = b.getValue().mode() == EntryMode.SUBMODULE
                        && scan.submodules().contains(b.getKey());
                if (!checkedOutSubmodule) {
                    changes.add(Change.deleted(baseEntry(b.getKey(), b.getValue())));
                }
                b = old.hasNext() ? old.next() : null;
            } else if (order > 0) {
                changes.add(Change.added(workEntry(w, null)));
                w = now.hasNext() ? now.next() : null;
            } else {
                TreeEntry after = workEntry(w, b.getValue());
                if (after.mode() != b.getValue().mode() || !after.objectId().equals(b.getValue().objectId())) {
                    changes.add(Change.between(baseEntry(b.getKey(), b.getValue()), after));
                }
                b = old.hasNext() ? old.next() : null;
                w = now.hasNext() ? now.next() : null;
            }
        }
        return changes;
    }

    private TreeEntry baseEntry(String path, BaseTree.Entry entry) throws IOException {
        return switch (entry.mode()) {
            case SUBMODULE -> TreeEntry.file(path, EntryMode.SUBMODULE, entry.objectId(), 0);
            case SYMLINK -> TreeEntry.symlink(path, entry.objectId(), base.linkTarget(path).orElse(""));
            case FILE, EXECUTABLE -> TreeEntry.file(path, entry.mode(), entry.objectId(),
                    reader.getObjectSize(entry.objectId(), Constants.OBJ_BLOB));
        };
    }

    private TreeEntry workEntry(WorkTreeScan.WorkFile file, BaseTree.Entry before) throws IOException {
        try {
            return file.type() == WorkTreeScan.Type.SYMLINK ? symlink(file, before) : regularFile(file, before);
        } catch (IOException e) {
            throw new WorkTreeException("cannot read " + file.path() + " in the work tree: " + e, e);
        }
    }

    private TreeEntry symlink(WorkTreeScan.WorkFile file, BaseTree.Entry before) throws IOException {
        String target = Files.readSymbolicLink(file.file()).toString();
        byte[] bytes = target.getBytes(StandardCharsets.UTF_8);
        ObjectId id = hasher.idFor(Constants.OBJ_BLOB, bytes);
        if (!file.insideGitDir() && (before == null || !id.equals(before.objectId()))) {
            inserter.insert(Constants.OBJ_BLOB, bytes);
        }
        return TreeEntry.symlink(file.path(), id, target);
    }

    private TreeEntry regularFile(WorkTreeScan.WorkFile file, BaseTree.Entry before) throws IOException {
        EntryMode mode = mode(file, before);
        if (file.insideGitDir()) {
            return TreeEntry.file(file.path(), mode, ObjectId.zeroId(), file.size());
        }
        boolean wasFile = before != null && before.mode().isFile();
        try (SeekableByteChannel channel = WorkFiles.open(file.file());
                InputStream in = Channels.newInputStream(channel)) {
            long size = channel.size();
            if (size > WorkTreeChanges.MAX_BLOB_BYTES) {
                // Hashed to tell whether it changed, never stored: the guard refuses it anyway.
                return TreeEntry.file(file.path(), mode, hasher.idFor(Constants.OBJ_BLOB, size, in), size);
            }
            byte[] raw = in.readNBytes((int) size);
            ObjectId rawId = hasher.idFor(Constants.OBJ_BLOB, raw);
            if (wasFile && rawId.equals(before.objectId())) {
                return TreeEntry.file(file.path(), mode, rawId, raw.length);
            }
            byte[] content = normalise(file.path(), raw, wasFile ? before.objectId() : null);
            ObjectId id = content == raw ? rawId : hasher.idFor(Constants.OBJ_BLOB, content);
            if (!wasFile || !id.equals(before.objectId())) {
                inserter.insert(Constants.OBJ_BLOB, content);
            }
            return TreeEntry.file(file.path(), mode, id, content.length);
        }
    }

    /**
     * Without POSIX permissions, or with {@code core.fileMode = false}, the executable bit is not
     * trusted and the base's bit is kept, as git does.
     */
    private EntryMode mode(WorkTreeScan.WorkFile file, BaseTree.Entry before) {
        if (fileMode && file.permissionsKnown()) {
            return file.executable() ? EntryMode.EXECUTABLE : EntryMode.FILE;
        }
        return before != null && before.mode() == EntryMode.EXECUTABLE ? EntryMode.EXECUTABLE : EntryMode.FILE;
    }

    /** The content {@code git add} would store: line endings converted where the attributes say so. */
    private byte[] normalise(String path, byte[] raw, ObjectId baseBlob) throws IOException {
        EolStreamType type = scan.attributes().checkin(path);
        if (type == EolStreamType.DIRECT) {
            return raw;
        }
        // text=auto leaves a file alone whose committed version has CRLF (git's "safer autocrlf").
        boolean auto = type == EolStreamType.AUTO_LF || type == EolStreamType.AUTO_CRLF;
        if (auto && baseBlob != null && hasCrLf(baseBlob)) {
            return raw;
        }
        try (InputStream converted = EolStreamTypeUtil.wrapInputStream(new ByteArrayInputStream(raw), type)) {
            byte[] content = converted.readAllBytes();
            return java.util.Arrays.equals(content, raw) ? raw : content;
        }
    }

    private boolean hasCrLf(ObjectId blob) throws IOException {
        try (InputStream in = reader.open(blob, Constants.OBJ_BLOB).openStream()) {
            byte[] buffer = new byte[8192];
            boolean carriageReturn = false;
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (carriageReturn && buffer[i] == '\n') {
                        return true;
                    }
                    carriageReturn = buffer[i] == '\r';
                }
            }
            return false;
        }
    }
}
