package dev.leviathan.console.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreemapTest {

    @Test
    void squarifiedRectanglesFillTheAreaInProportionToSize() {
        long[] sizes = {6, 6, 4, 3, 2, 2, 1};
        double[][] rects = Treemap.squarify(sizes, 0, 0, 600, 400);
        double total = 24;
        double area = 0;
        for (int k = 0; k < sizes.length; k++) {
            double[] r = rects[k];
            assertThat(r[2] * r[3]).isCloseTo(600 * 400 * sizes[k] / total, within(1e-6));
            assertThat(r[0]).isBetween(-1e-9, 600.0);
            assertThat(r[1]).isBetween(-1e-9, 400.0);
            assertThat(r[0] + r[2]).isLessThanOrEqualTo(600 + 1e-6);
            assertThat(r[1] + r[3]).isLessThanOrEqualTo(400 + 1e-6);
            area += r[2] * r[3];
        }
        assertThat(area).isCloseTo(600 * 400, within(1e-6));
        // Squarified: the first, largest cells are not slivers.
        assertThat(Math.max(rects[0][2] / rects[0][3], rects[0][3] / rects[0][2])).isLessThan(3);
    }

    @Test
    void filesSitInsideTheirDirectory() {
        List<Treemap.Cell> cells = Treemap.layout(List.of(
                new Treemap.Item("file:t:src/a.py", "src/a.py", 300, "python"),
                new Treemap.Item("file:t:src/b.py", "src/b.py", 100, "python"),
                new Treemap.Item("file:t:README.md", "README.md", 100, "markdown")), 500, 300);
        Treemap.Cell src = cells.stream().filter(c -> c.directory() && c.path().equals("src")).findFirst()
                .orElseThrow();
        assertThat(src.size()).isEqualTo(400);
        Treemap.Cell a = cells.stream().filter(c -> "src/a.py".equals(c.path())).findFirst().orElseThrow();
        assertThat(a.nodeId()).isEqualTo("file:t:src/a.py");
        assertThat(a.x()).isGreaterThanOrEqualTo(src.x());
        assertThat(a.y()).isGreaterThanOrEqualTo(src.y());
        assertThat(a.x() + a.w()).isLessThanOrEqualTo(src.x() + src.w());
        assertThat(a.y() + a.h()).isLessThanOrEqualTo(src.y() + src.h());
        assertThat(src.w() * src.h()).isCloseTo(500 * 300 * 0.8, within(1e-6));
    }
}
