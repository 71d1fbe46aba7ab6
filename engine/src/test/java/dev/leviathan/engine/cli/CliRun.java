package dev.leviathan.engine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** One in-process leviathanctl invocation with its own data directory and captured streams. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Path home, String... args) {
        return run(home, Map.of(), args);
    }

    static CliRun run(Path home, Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("LEVIATHAN_HOME", home.toString());
        env.put("LEVIATHAN_OPERATOR", "alice");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Leviathanctl.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
