package dev.leviathan.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785 test vectors: the canonical form every hash depends on. */
class CanonicalJsonTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"
    })
    void printsDoublesAsEcmaScriptDoes(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        StringBuilder out = new StringBuilder();

        CanonicalJson.appendDouble(out, value);

        assertThat(out.toString()).isEqualTo(expected);
    }

    @Test
    void canonicalisesTheRfcSampleDocument() throws Exception {
        String input = "{\"numbers\":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"
                + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
                + "\"literals\":[null,true,false]}";

        String canonical = CanonicalJson.write(Json.MAPPER.readTree(input));

        assertThat(canonical).isEqualTo("{\"literals\":[null,true,false],"
                + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void sortsMemberNamesByUtf16CodeUnits() throws Exception {
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew\","
                + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji\",\"\\u0080\":\"Control\",\"\\u00f6\":\"o\"}";

        String canonical = CanonicalJson.write(Json.MAPPER.readTree(input));

        assertThat(canonical).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"o\",\"€\":\"Euro Sign\",\"😀\":\"Emoji\",\"\ufb33\":\"Hebrew\"}");
    }

    @Test
    void writesIntegersWithinTheSafeRangeExactly() {
        assertThat(CanonicalJson.write(JsonNodeFactory.instance.numberNode(9007199254740991L)))
                .isEqualTo("9007199254740991");
        assertThat(CanonicalJson.write(JsonNodeFactory.instance.numberNode(-42))).isEqualTo("-42");
    }

    @Test
    void roundsIntegersBeyondTwoToThe53AsDoubles() {
        assertThat(CanonicalJson.write(JsonNodeFactory.instance.numberNode(9007199254740993L)))
                .isEqualTo("9007199254740992");
    }

    @Test
    void escapesControlCharactersWithLowerCaseHex() {
        assertThat(CanonicalJson.write(JsonNodeFactory.instance.textNode("a\u0001\u001f\t")))
                .isEqualTo("\"a\\u0001\\u001f\\t\"");
    }

    @Test
    void refusesLoneSurrogates() {
        assertThatThrownBy(() -> CanonicalJson.write(JsonNodeFactory.instance.textNode("x\ud800")))
                .hasMessageContaining("lone surrogate");
    }

    @Test
    void refusesNaN() {
        assertThatThrownBy(() -> CanonicalJson.write(JsonNodeFactory.instance.numberNode(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canonicalisingTextGivesTheSameAsCanonicalisingItsTree() throws Exception {
        String[] documents = {
                "{\"b\":1,\"a\":[true,null,{\"y\":2.50,\"x\":\"\\u00e9\"}]}",
                "{\"a\":1,\"b\":{\"c\":1E30,\"d\":-0.0,\"e\":12345678901234567890}}",
                "{\"k\":\"tab\\there \\\"quoted\\\" \\ud83d\\ude00\"}",
                "[]", "{}", "\"x\"", "3"};
        for (String document : documents) {
            assertThat(CanonicalJson.canonicalize(document)).as(document)
                    .isEqualTo(CanonicalJson.write(Json.MAPPER.readTree(document)));
        }
    }

    @Test
    void canonicalisingTextRefusesRepeatedMembers() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"a\":2}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
