package dev.leviathan.engine.execute.scope;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The Unicode checks on a path the change introduces: it must be valid, visible and in the one
 * spelling (NFC, no compatibility characters) that every file system and every reviewer reads the
 * same way.
 */
final class UnicodeForm {

    private UnicodeForm() {
    }

    static List<Finding> check(String path) {
        List<Finding> findings = new ArrayList<>();
        if (isAscii(path)) {
            return findings;
        }
        int invalid = firstInvalid(path);
        if (invalid >= 0) {
            findings.add(new Finding(ScopeRule.INVALID_ENCODING, invalid == 0xFFFD
                    ? "the path has U+FFFD, the mark of a file name that is not valid UTF-8"
                    : "the path has an unpaired surrogate, which is not valid Unicode"));
        }
        path.codePoints().filter(UnicodeForm::isInvisible).findFirst().ifPresent(cp -> findings.add(new Finding(
                ScopeRule.INVISIBLE_CHARACTER, "the path has the invisible character " + DisplayText.character(cp))));
        if (invalid >= 0) {
            return findings; // normalising broken text says nothing useful
        }
        String nfc = Normalizer.normalize(path, Normalizer.Form.NFC);
        if (!nfc.equals(path)) {
            findings.add(new Finding(ScopeRule.NOT_NFC, "the path is not in Unicode normalisation form NFC (in NFC it is "
                    + DisplayText.quote(nfc) + "); the same name spelt two ways is two files on Linux and one on macOS"));
        }
        String nfkc = Normalizer.normalize(nfc, Normalizer.Form.NFKC);
        if (!nfkc.equals(nfc)) {
            int cp = nfc.codePoints().filter(c -> !Normalizer.isNormalized(Character.toString(c), Normalizer.Form.NFKC))
                    .findFirst().orElse('?');
            findings.add(new Finding(ScopeRule.COMPATIBILITY_CHARACTER, "the path has the compatibility character "
                    + DisplayText.character(cp) + "; it reads as " + DisplayText.quote(nfkc)));
        }
        return findings;
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** U+FFFD or an unpaired surrogate (as U+D800), or -1 if the text is valid. */
    static int firstInvalid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0xFFFD) {
                return 0xFFFD;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return 0xD800;
            }
        }
        return -1;
    }

    /** C0 and C1 controls and DEL. */
    static boolean isControl(int cp) {
        return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
    }

    /**
     * Characters that show nothing or move other text: format characters (zero-width space and
     * joiners, bidirectional controls, soft hyphen, BOM, tags), line and paragraph separators,
     * blanks other than the space, variation selectors, the combining grapheme joiner and the
     * Hangul fillers. Names differing only by them look identical.
     */
    static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return true;
        }
        if (type == Character.SPACE_SEPARATOR) {
            return cp != ' ';
        }
        return cp == 0x034F || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x17B4 || cp == 0x17B5
                || cp == 0x2800;
    }
}
