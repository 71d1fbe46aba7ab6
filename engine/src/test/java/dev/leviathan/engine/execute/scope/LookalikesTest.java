package dev.leviathan.engine.execute.scope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LookalikesTest {

    @Test
    void theCaseKeyFoldsCaseNormalFormAndWindowsTrailingDots() {
        assertThat(Lookalikes.caseKey("Docs/README.md")).isEqualTo(Lookalikes.caseKey("docs/readme.md"));
        assertThat(Lookalikes.caseKey("docs/cafe\u0301.md")).isEqualTo(Lookalikes.caseKey("docs/caf\u00e9.md"));
        assertThat(Lookalikes.caseKey("docs./notes.md ")).isEqualTo(Lookalikes.caseKey("docs/notes.md"));
        assertThat(Lookalikes.caseKey("docs/a.md")).isNotEqualTo(Lookalikes.caseKey("docs/b.md"));
    }

    @Test
    void theSkeletonMapsCyrillicGreekFullwidthAndLigaturesToLatin() {
        String skeleton = Lookalikes.skeleton("docs/profile.md");

        assertThat(Lookalikes.skeleton("d\u043Ecs/pr\u03BFfile.md")).isEqualTo(skeleton);
        assertThat(Lookalikes.skeleton("\uFF44\uFF4F\uFF43\uFF53/profile.md")).isEqualTo(skeleton);
        assertThat(Lookalikes.skeleton("docs/pro\uFB01le.md")).isEqualTo(skeleton);
        assertThat(Lookalikes.skeleton("DOCS/PRO\u200BFILE.MD")).isEqualTo(skeleton);
        assertThat(Lookalikes.skeleton("docs/руководство.md")).isNotEqualTo(skeleton);
    }

    @Test
    void namesTheFirstCharacterThatOnlyLooksLatin() {
        assertThat(Lookalikes.firstLookalike("d\u043Ecs/x.md")).hasValue(0x043E);
        assertThat(Lookalikes.firstLookalike("docs/x.md")).isEmpty();
    }
}
