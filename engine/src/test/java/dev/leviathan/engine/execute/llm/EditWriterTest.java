package dev.leviathan.engine.execute.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leviathan.engine.execute.llm.EditPlan.FileEdit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer refuses symlinks on its own, whatever was checked before (the tree may change in between). */
class EditWriterTest {

    @TempDir
    Path dir;

    @Test
    void refusesToWriteThroughASymlinkedDirectory() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(tree.resolve("docs"), outside);

        assertThatThrownBy(() -> new EditWriter(tree).apply(new FileEdit.Write("docs/a.md", "x", 1)))
                .isInstanceOf(IOException.class)
                .hasMessage("docs is a symbolic link; nothing is written through it");
        try (var files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void refusesToDeleteASymlink() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path target = Files.writeString(dir.resolve("precious.md"), "keep");
        Files.createSymbolicLink(tree.resolve("link.md"), target);

        assertThatThrownBy(() -> new EditWriter(tree).apply(new FileEdit.Delete("link.md")))
                .hasMessage("link.md is a symbolic link; nothing is written through it");
        assertThat(Files.readString(target)).isEqualTo("keep");
    }

    @Test
    void replacesAFileWithoutWritingThroughItsHardLinks() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path outside = Files.writeString(dir.resolve("outside.md"), "outside");
        Files.createLink(tree.resolve("a.md"), outside);

        new EditWriter(tree).apply(new FileEdit.Write("a.md", "inside", 6));

        assertThat(Files.readString(tree.resolve("a.md"))).isEqualTo("inside");
        assertThat(Files.readString(outside)).isEqualTo("outside");
    }
}
