package dev.leviathan.console.attempts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiffLineTest {

    private static final String DIFF = """
            diff --git a/docs/FAQ.md b/docs/FAQ.md
            new file mode 100644
            index 0000000..3b18e51
            --- /dev/null
            +++ b/docs/FAQ.md
            @@ -0,0 +1,2 @@
            +# FAQ
            +Ask us anything.
            diff --git a/README.md b/README.md
            index 1111111..2222222 100644
            --- a/README.md
            +++ b/README.md
            @@ -1,3 +1,3 @@
             # Shop
            --- old line
            +++ new line
            diff --git a/old.txt b/old.txt
            deleted file mode 100644
            --- a/old.txt
            +++ /dev/null
            @@ -1 +0,0 @@
            -gone
            """;

    @Test
    void classifiesEveryLineOfAUnifiedDiff() {
        DiffLine.Parsed parsed = DiffLine.parse(DIFF);

        assertThat(parsed.lines()).hasSize(22);
        assertThat(parsed.lines()).extracting(DiffLine::kind).containsExactly(
                DiffLine.Kind.FILE, DiffLine.Kind.META, DiffLine.Kind.META, DiffLine.Kind.META, DiffLine.Kind.META,
                DiffLine.Kind.HUNK, DiffLine.Kind.ADDED, DiffLine.Kind.ADDED,
                DiffLine.Kind.FILE, DiffLine.Kind.META, DiffLine.Kind.META, DiffLine.Kind.META, DiffLine.Kind.HUNK,
                DiffLine.Kind.CONTEXT, DiffLine.Kind.REMOVED, DiffLine.Kind.ADDED,
                DiffLine.Kind.FILE, DiffLine.Kind.META, DiffLine.Kind.META, DiffLine.Kind.META, DiffLine.Kind.HUNK,
                DiffLine.Kind.REMOVED);
    }

    @Test
    void contentLinesThatLookLikeFileHeadersInsideAHunkAreChangesNotHeaders() {
        List<DiffLine> lines = DiffLine.parse(DIFF).lines();

        assertThat(lines.get(14)).isEqualTo(new DiffLine(DiffLine.Kind.REMOVED, "--- old line"));
        assertThat(lines.get(15)).isEqualTo(new DiffLine(DiffLine.Kind.ADDED, "+++ new line"));
    }

    @Test
    void indexesEachFileByItsPathAndFirstLineIncludingDeletions() {
        assertThat(DiffLine.parse(DIFF).files()).containsExactly(new DiffLine.FileStart("docs/FAQ.md", 0),
                new DiffLine.FileStart("README.md", 8), new DiffLine.FileStart("old.txt", 16));
    }

    @Test
    void anEmptyDiffHasNoLines() {
        assertThat(DiffLine.parse("").lines()).isEmpty();
        assertThat(DiffLine.parse("").files()).isEmpty();
    }

    @Test
    void parsesADiffOfTensOfThousandsOfLinesInOnePass() {
        StringBuilder big = new StringBuilder();
        for (int file = 0; file < 50; file++) {
            big.append("diff --git a/f").append(file).append(" b/f").append(file).append('\n')
                    .append("--- a/f").append(file).append('\n').append("+++ b/f").append(file).append('\n')
                    .append("@@ -1,1000 +1,1000 @@\n");
            for (int line = 0; line < 1000; line++) {
                big.append(line % 2 == 0 ? "-old " : "+new ").append(line).append('\n');
            }
        }

        DiffLine.Parsed parsed = DiffLine.parse(big.toString());

        assertThat(parsed.lines()).hasSize(50 * 1004);
        assertThat(parsed.files()).hasSize(50);
        assertThat(parsed.files().get(49)).isEqualTo(new DiffLine.FileStart("f49", 49 * 1004));
    }
}
