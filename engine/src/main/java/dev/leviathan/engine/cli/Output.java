package dev.leviathan.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.leviathan.engine.event.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Where results go: stdout for results (text or one JSON document), stderr for everything else. */
final class Output {

    /** Made on first JSON output: a text command then never initialises Jackson for it. */
    private static final class Pretty {
        static final ObjectWriter WRITER = Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writer();
    }

    private final PrintWriter out;
    private final PrintWriter err;

    Output(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    void json(JsonNode document) {
        try {
            out.println(Pretty.WRITER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    void error(String text) {
        err.println(text);
        err.flush();
    }

    /** Progress for a person at a terminal: on stderr, without a newline. */
    void progress(String text) {
        err.print(text);
        err.flush();
    }

    PrintWriter out() {
        return out;
    }

    /** A plain text table: columns padded to their widest cell. */
    static final class Table {

        private final List<String[]> rows = new ArrayList<>();

        Table(String... header) {
            rows.add(header);
        }

        Table row(Object... cells) {
            String[] text = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                text[i] = cells[i] == null ? "-" : cells[i].toString();
            }
            rows.add(text);
            return this;
        }

        boolean isEmpty() {
            return rows.size() == 1;
        }

        void print(Output output) {
            int columns = rows.getFirst().length;
            int[] width = new int[columns];
            for (String[] row : rows) {
                for (int i = 0; i < columns; i++) {
                    width[i] = Math.max(width[i], row[i].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    line.append(i == columns - 1 ? row[i] : String.format("%-" + width[i] + "s  ", row[i]));
                }
                output.line(line.toString().stripTrailing());
            }
        }
    }
}
