package dev.leviathan.engine.execute.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyReaderTest {

    private static String found(String reply) {
        ReplyReader.Read read = ReplyReader.read(reply);
        assertThat(read).isInstanceOf(ReplyReader.Found.class);
        return ((ReplyReader.Found) read).object().toString();
    }

    private static String problem(String reply) {
        ReplyReader.Read read = ReplyReader.read(reply);
        assertThat(read).isInstanceOf(ReplyReader.Unusable.class);
        return ((ReplyReader.Unusable) read).problem();
    }

    @Test
    void readsAReplyThatIsTheObject() {
        assertThat(found("{\"edits\": [], \"summary\": \"s\"}")).isEqualTo("{\"edits\":[],\"summary\":\"s\"}");
    }

    @Test
    void readsAnObjectAfterAByteOrderMark() {
        assertThat(found("\uFEFF{\"summary\": \"s\"}")).isEqualTo("{\"summary\":\"s\"}");
    }

    @Test
    void passesOverPlaceholdersInProse() {
        assertThat(found("I replaced {name} in the template:\n{\"summary\": \"s\"}\nDone {ok}."))
                .isEqualTo("{\"summary\":\"s\"}");
    }

    @Test
    void ignoresBracesInsideStrings() {
        assertThat(found("```json\n{\"summary\": \"a } and a { and \\\" quote\"}\n```"))
                .isEqualTo("{\"summary\":\"a } and a { and \\\" quote\"}");
    }

    @Test
    void readsAnObjectFollowedByProse() {
        assertThat(found("{\"summary\": \"s\"}\nI hope this helps!")).isEqualTo("{\"summary\":\"s\"}");
    }

    @Test
    void refusesDuplicateMemberNames() {
        assertThat(problem("{\"summary\": \"a\", \"summary\": \"b\"}")).startsWith("the reply is not valid JSON: Duplicate field 'summary'");
    }

    @Test
    void refusesAJsonArrayOfEdits() {
        assertThat(problem("[{\"path\": \"docs/a.md\", \"action\": \"delete\"}]"))
                .isEqualTo("the reply is a JSON array, not an object; send {\"edits\": [...], \"summary\": \"...\"}");
    }

    @Test
    void endsInLinearTimeOnManyUnclosedBraces() {
        String hostile = "{\"a\": ".repeat(200_000);

        assertThat(problem(hostile)).isEqualTo("the reply's JSON object is cut off: it never reaches its closing '}'");
    }

    @Test
    void quotesTheStartOfAProseReplyOnOneLine() {
        assertThat(problem("I'm sorry,\n\nbut I can't help with that."))
                .isEqualTo("the reply holds no JSON object; it begins: \"I'm sorry, but I can't help with that.\"");
    }
}
