package dev.leviathan.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The hash the public Python Leviathan puts on each line of its {@code events.ndjson}: SHA-256
 * over {@code json.dumps(event_without_hash, sort_keys=True, separators=(",", ":"))}, i.e. keys
 * sorted by code point, ASCII-only output with {@code \\uXXXX} escapes, and Python's float repr.
 * Import uses it to check that chain before re-chaining the events in our store.
 */
final class PythonEventHash {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonEventHash() {
    }

    static String of(JsonNode eventWithoutHash) {
        StringBuilder out = new StringBuilder(512);
        write(out, eventWithoutHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(out.toString().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    members.add(fields.next());
                }
                members.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
                out.append('{');
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(out, members.get(i).getKey());
                    out.append(':');
                    write(out, members.get(i).getValue());
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(out, node.get(i));
                }
                out.append(']');
            }
            case STRING -> string(out, node.textValue());
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    out.append(node.bigIntegerValue());
                } else {
                    out.append(pythonRepr(node.doubleValue()));
                }
            }
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            default -> out.append("null");
        }
    }

    /** Python compares str by code point; Java's compareTo by UTF-16 unit differs above U+FFFF. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Python's {@code repr(float)}: shortest digits, exponent form below 1e-4 and from 1e16. */
    static String pythonRepr(double value) {
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        StringBuilder ecma = new StringBuilder();
        CanonicalJson.appendDouble(ecma, Math.abs(value));
        String text = ecma.toString();
        String digits;
        int exponent;
        int e = text.indexOf('e');
        String mantissa = e < 0 ? text : text.substring(0, e);
        int exp10 = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String whole = dot < 0 ? mantissa : mantissa.substring(0, dot);
        String fraction = dot < 0 ? "" : mantissa.substring(dot + 1);
        digits = (whole + fraction).replaceFirst("^0+", "");
        int leadingZeros = (whole + fraction).length() - digits.length();
        exponent = whole.length() - leadingZeros + exp10;
        digits = digits.replaceFirst("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        String sign = value < 0 ? "-" : "";
        int decpt = exponent;
        if (decpt <= -4 || decpt > 16) {
            int exp = decpt - 1;
            String body = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String expText = String.format("%02d", Math.abs(exp));
            return sign + body + "e" + (exp < 0 ? "-" : "+") + expText;
        }
        if (decpt <= 0) {
            return sign + "0." + "0".repeat(-decpt) + digits;
        }
        if (decpt >= digits.length()) {
            return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
        }
        return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
    }
}
