package dev.leviathan.engine.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme (RFC 8785): the one serialisation every event hash is computed
 * over. Writer and verifier share this class and nothing else, so a bug in either is caught by the
 * other.
 *
 * <p>Object members are sorted by their names' UTF-16 code units ({@link String#compareTo} is
 * exactly that order), strings use the minimal escapes of RFC 8785 §3.2.2.2, and numbers are
 * printed as ECMAScript prints an IEEE-754 double. Integers beyond 2^53 cannot be represented
 * exactly in that model; they are rounded to a double like any other JCS implementation does.
 */
public final class CanonicalJson {

    private static final long MAX_SAFE_INTEGER = (1L << 53);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** Canonical text of a JSON tree. */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(512);
        append(out, node);
        return out.toString();
    }

    /**
     * The canonical text of a JSON document given as text. Documents whose members are already
     * in canonical order (every payload the store wrote) are re-serialised straight from the
     * parser's tokens, without building a tree; any other document goes through the tree.
     */
    public static String canonicalize(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        appendCanonicalized(out, json);
        return out.toString();
    }

    /** {@link #canonicalize(String)}, appended to {@code out}. */
    public static void appendCanonicalized(StringBuilder out, String json) {
        int mark = out.length();
        // No duplicate detection needed here: members must be strictly ascending, which a
        // repeated name is not, so it falls through to the strict tree parser below.
        try (JsonParser parser = STREAMING.createParser(json)) {
            if (streamInOrder(parser, parser.nextToken(), out) && parser.nextToken() == null) {
                return;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        out.setLength(mark);
        try {
            append(out, Json.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    private static final JsonFactory STREAMING = new JsonFactory();

    /** False as soon as a member is out of canonical order (or repeated): the caller sorts. */
    private static boolean streamInOrder(JsonParser parser, JsonToken token, StringBuilder out) throws IOException {
        if (token == null) {
            return false;
        }
        switch (token) {
            case START_OBJECT -> {
                out.append('{');
                String previous = null;
                for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
                    String name = parser.currentName();
                    if (previous != null) {
                        if (previous.compareTo(name) >= 0) {
                            return false;
                        }
                        out.append(',');
                    }
                    appendString(out, name);
                    out.append(':');
                    if (!streamInOrder(parser, parser.nextToken(), out)) {
                        return false;
                    }
                    previous = name;
                }
                out.append('}');
            }
            case START_ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    if (!streamInOrder(parser, next, out)) {
                        return false;
                    }
                }
                out.append(']');
            }
            case VALUE_STRING -> appendString(out, parser.getText());
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    appendDouble(out, parser.getBigIntegerValue().doubleValue());
                } else {
                    long value = parser.getLongValue();
                    if (value >= -MAX_SAFE_INTEGER && value <= MAX_SAFE_INTEGER) {
                        out.append(value);
                    } else {
                        appendDouble(out, (double) value);
                    }
                }
            }
            case VALUE_NUMBER_FLOAT -> appendDouble(out, parser.getDoubleValue());
            case VALUE_TRUE -> out.append("true");
            case VALUE_FALSE -> out.append("false");
            case VALUE_NULL -> out.append("null");
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Appends the canonical text of {@code node} to {@code out}. */
    public static void append(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> appendObject(out, node);
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonNode element : node) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    append(out, element);
                }
                out.append(']');
            }
            case STRING -> appendString(out, node.textValue());
            case NUMBER -> appendNumber(out, node);
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not representable in JSON: " + node.getNodeType());
        }
    }

    private static void appendObject(StringBuilder out, JsonNode node) {
        int size = node.size();
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(size);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            members.add(fields.next());
        }
        if (size > 1) {
            members.sort(Map.Entry.comparingByKey());
        }
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Map.Entry<String, JsonNode> member = members.get(i);
            appendString(out, member.getKey());
            out.append(':');
            append(out, member.getValue());
        }
        out.append('}');
    }

    /** A JSON string literal with RFC 8785 escaping; lone surrogates are not valid I-JSON. */
    public static void appendString(StringBuilder out, String value) {
        out.append('"');
        int length = value.length();
        int clean = 0;
        // Most strings (ids, paths, hashes) need no escape: find the first char that does and
        // copy everything before it in one go.
        while (clean < length) {
            char c = value.charAt(clean);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                break;
            }
            clean++;
        }
        if (clean == length) {
            // append(String) copies the backing array; append(CharSequence, int, int) goes char by char.
            out.append(value).append('"');
            return;
        }
        out.append(value, 0, clean);
        for (int i = clean; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < length
                                && Character.isLowSurrogate(value.charAt(i + 1))) {
                            out.append(c).append(value.charAt(++i));
                        } else {
                            throw new IllegalArgumentException(
                                    "string contains a lone surrogate at index " + i + ": not valid I-JSON");
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void appendNumber(StringBuilder out, JsonNode node) {
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                long value = node.longValue();
                if (value >= -MAX_SAFE_INTEGER && value <= MAX_SAFE_INTEGER) {
                    out.append(value);
                    return;
                }
            }
            BigInteger big = node.bigIntegerValue();
            appendDouble(out, big.doubleValue());
            return;
        }
        appendDouble(out, node.doubleValue());
    }

    /** ECMAScript Number::toString for a finite double (ECMA-262 §6.1.6.1.20). */
    static void appendDouble(StringBuilder out, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("NaN and Infinity are not valid JSON numbers");
        }
        if (value == 0) {
            out.append('0');
            return;
        }
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        // Double.toString gives the shortest digits that round-trip (JDK 19+); only the layout
        // differs from ECMAScript, so take its digits and exponent and lay them out again.
        String java = Double.toString(value);
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = (dot < 0 ? mantissa.length() : dot) + exponent;
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
            point--;
        }
        int end = digits.length();
        while (end > start + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(start, end);
        int n = point;
        if (digits.length() == 2) {
            // Java always prints a fractional digit, so it may give two digits where one suffices
            // (4.9E-324 for 5e-324); ECMAScript wants the fewest, so try the nearest single digit.
            BigDecimal single = new BigDecimal(new BigInteger(digits), 2 - n).round(new MathContext(1,
                    RoundingMode.HALF_EVEN));
            if (single.doubleValue() == value) {
                digits = single.unscaledValue().toString();
                n = digits.length() - single.scale();
                digits = digits.replaceAll("0+$", "");
            }
        }
        int k = digits.length();
        if (k <= n && n <= 21) {
            out.append(digits);
            out.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exp = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exp < 0 ? '-' : '+').append(Math.abs(exp));
        }
    }
}
