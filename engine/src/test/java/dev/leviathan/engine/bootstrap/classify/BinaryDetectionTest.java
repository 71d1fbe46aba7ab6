package dev.leviathan.engine.bootstrap.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BinaryDetectionTest {

    private final FileClassifier classifier = new FileClassifier();

    @Test
    void nulByteInTheFirst8000BytesMakesATextFormatBinary() {
        FileKind kind = classifier.classify("config/settings.json", Heads.withNulAt(7999));

        assertThat(kind).isEqualTo(new FileKind("json", null, Category.CONFIG, true));
    }

    @Test
    void nulByteAfterTheFirst8000BytesIsNotLookedAt() {
        byte[] bytes = new byte[9000];
        Arrays.fill(bytes, (byte) 'x');
        bytes[8000] = 0;

        FileKind kind = classifier.classify("config/settings.json", bytes);

        assertThat(kind.binary()).isFalse();
    }

    @Test
    void codeWithANulByteKeepsItsLanguageButIsBinary() {
        FileKind kind = classifier.classify("src/main/java/Generated.java", Heads.withNulAt(10));

        assertThat(kind).isEqualTo(new FileKind("java", "java", Category.CODE, true));
    }

    @Test
    void utf16TextIsBinaryAsGitSeesIt() {
        byte[] utf16 = "Write-Host 'hi'\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);

        FileKind kind = classifier.classify("tools/install.ps1", withBom);

        assertThat(kind).isEqualTo(new FileKind("powershell", "powershell", Category.CODE, true));
    }

    @Test
    void binaryExtensionIsBinaryEvenWithoutANulByte() {
        FileKind kind = classifier.classify("docs/paper.pdf", Heads.utf8("%PDF-1.4\n%âãÏÓ\n"));

        assertThat(kind).isEqualTo(new FileKind("pdf", null, Category.ASSET, true));
    }

    @Test
    void binaryExtensionIsBinaryWhenTheHeadIsNotRead() {
        assertThat(classifier.classify("assets/Logo.PNG", null).binary()).isTrue();
        assertThat(classifier.classify("dist/app.tar.gz", null).binary()).isTrue();
    }

    @Test
    void formatsWithTextAndBinaryFlavoursAreLeftToTheContent() {
        assertThat(classifier.classify("models/teapot.obj", Heads.utf8("v 0.0 1.0 0.0\nf 1 2 3\n")).binary())
                .isFalse();
        assertThat(classifier.classify("models/teapot.obj", Heads.withNulAt(3)).binary()).isTrue();
    }

    @Test
    void emptyFileIsText() {
        FileKind kind = classifier.classify("src/empty.py", new byte[0]);
        FileKind unnamed = classifier.classify("tmp/placeholder", new byte[0]);

        assertThat(kind).isEqualTo(new FileKind("python", "python", Category.CODE, false));
        assertThat(unnamed).isEqualTo(new FileKind("text", null, Category.OTHER, false));
    }

    @Test
    void emptyFileWithABinaryExtensionKeepsItsFormat() {
        FileKind kind = classifier.classify("assets/blank.png", new byte[0]);

        assertThat(kind).isEqualTo(new FileKind("image", null, Category.ASSET, true));
    }

    @Test
    void extensionlessFileWithANulByteIsBinary() {
        FileKind kind = classifier.classify("bin/acme-linux-amd64", Heads.withNulAt(5));

        assertThat(kind).isEqualTo(new FileKind("binary", null, Category.BINARY, true));
    }

    @Test
    void gitLfsPointerStandsForABinaryObject() {
        byte[] pointer = Heads.utf8(Heads.LFS_POINTER);

        assertThat(classifier.classify("assets/intro.mp4", pointer))
                .isEqualTo(new FileKind("video", null, Category.ASSET, true));
        assertThat(classifier.classify("datasets/train.parquet", pointer).binary()).isTrue();
        assertThat(classifier.classify("weights/model", pointer))
                .isEqualTo(new FileKind("lfs-pointer", null, Category.BINARY, true));
    }

    @Test
    void documentWithBinaryContentIsNoDocument() {
        FileKind kind = classifier.classify("README.md", Heads.withNulAt(2));

        assertThat(kind).isEqualTo(new FileKind("markdown", null, Category.BINARY, true));
        assertThat(new DocDetector().isDoc("README.md", kind)).isFalse();
    }

    @Test
    void shebangAfterAByteOrderMarkStillNamesTheLanguage() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] script = Heads.utf8("#!/usr/bin/env bash\necho hi\n");
        byte[] bytes = new byte[bom.length + script.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(script, 0, bytes, bom.length, script.length);

        assertThat(classifier.classify("scripts/hello", bytes).language()).isEqualTo("shell");
    }

    @Test
    void headLongerThanGitLooksAtIsAccepted() {
        byte[] big = new byte[1_000_000];
        Arrays.fill(big, (byte) '#');

        assertThat(classifier.classify("notes/huge", big)).isEqualTo(new FileKind("text", null, Category.OTHER, false));
    }
}
