package dev.leviathan.engine.execute.scope;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Two keys for "the same name to someone or something else":
 * <ul>
 *   <li>{@link #caseKey}: the same file on a case-insensitive file system (macOS, Windows): NFC,
 *       case folded, each segment without the trailing dots and spaces Windows drops;</li>
 *   <li>{@link #skeleton}: the same name to a reader: compatibility forms folded (fullwidth,
 *       ligatures), invisible characters dropped, Cyrillic and Greek letters that look Latin
 *       mapped to the Latin letter, case folded. A small table after Unicode's confusables
 *       (UTS #39), for the scripts paths are attacked with.</li>
 * </ul>
 */
final class Lookalikes {

    /** Look-alike letters, lowercase Latin letter each resembles (upper and lower case alike). */
    private static final Map<Integer, Character> LATIN = new HashMap<>();

    static {
        // Cyrillic
        map("аa вb еe ёë кk мm нh оo рp сc тt уy хx ѕs іi їï јj һh ԁd ԛq ԝw ӏl ɡg");
        map("АA ВB ЕE КK МM НH ОO РP СC ТT УY ХX ЅS ІI ЈJ ԚQ ԜW ӀL ЁË ЇÏ");
        // Greek
        map("αa βb γy ιi κk νv οo ρp τt υu χx ϲc ϳj");
        map("ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX ϹC");
        // Latin letters that read as others
        map("ıi ȷj ɑa ɩi ʏy ᴀa ᴄc ᴅd ᴇe ᴊj ᴋk ᴍm ᴏo ᴘp ᴛt ᴜu ᴠv ᴡw ᴢz");
    }

    private Lookalikes() {
    }

    private static void map(String pairs) {
        for (String pair : pairs.split(" ")) {
            int from = pair.codePointAt(0);
            char to = pair.charAt(Character.charCount(from));
            LATIN.put(from, Character.toLowerCase(to));
        }
    }

    static String caseKey(String path) {
        String text = UnicodeForm.isAscii(path) ? path : Normalizer.normalize(path, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length());
        int segmentStart = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '/') {
                trimSegmentEnd(out, segmentStart);
                out.append('/');
                segmentStart = out.length();
            } else {
                out.appendCodePoint(fold(cp));
            }
        }
        trimSegmentEnd(out, segmentStart);
        return out.toString();
    }

    static String skeleton(String path) {
        String text = Normalizer.normalize(path, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (UnicodeForm.isInvisible(cp)) {
                return;
            }
            Character latin = LATIN.get(cp);
            out.appendCodePoint(latin != null ? latin : fold(cp));
        });
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** The first character of {@code text} that only looks like a Latin letter, if any. */
    static OptionalInt firstLookalike(String text) {
        return text.codePoints().filter(cp -> cp >= 0x80 && (LATIN.containsKey(cp)
                || !Normalizer.isNormalized(Character.toString(cp), Normalizer.Form.NFKC) || UnicodeForm.isInvisible(cp)))
                .findFirst();
    }

    private static int fold(int cp) {
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    private static void trimSegmentEnd(StringBuilder out, int segmentStart) {
        while (out.length() > segmentStart && (out.charAt(out.length() - 1) == '.' || out.charAt(out.length() - 1) == ' ')) {
            out.setLength(out.length() - 1);
        }
    }
}
