package dev.leviathan.engine.execute.llm;

import dev.leviathan.engine.execute.llm.WorkTreeContext.ContextFile;
import dev.leviathan.engine.execute.llm.WorkTreeContext.Shown;
import dev.leviathan.engine.target.AllowedPath;
import dev.leviathan.engine.target.Glob;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.Task;
import java.util.List;

/**
 * The words the model is given: a system message with the reply contract, and a user message with
 * the task, where it may write, and the current files. The same task and work tree give the same
 * prompt, byte for byte.
 */
final class TaskPrompt {

    /** Files listed without content past this many are only counted. */
    static final int MAX_LISTED = 2_000;

    private TaskPrompt() {
    }

    static String system(LlmSettings.Limits limits) {
        return """
                You are the editing step of Leviathan, a governed automation system. You carry out one \
                task by changing files in a git work tree. You cannot run commands or see anything but \
                this conversation; you propose file edits, and they are checked before they are applied.

                Reply with ONLY one JSON object, with no prose before or after it and no Markdown fences, \
                of exactly this shape:
                {"edits": [{"path": "docs/guide.md", "action": "write", "content": "the complete new content of the file"}, \
                {"path": "docs/old.md", "action": "delete"}], "summary": "one or two sentences for the reviewer"}

                Rules:
                - "edits" holds at least one edit and at most %d; "summary" is a string.
                - "path" is relative to the repository root, uses forward slashes, has no "." or ".." \
                segments, and lies inside the task's allowed paths. Each path appears at most once. \
                Nothing under .git may be touched.
                - "action" is "write" or "delete". "write" creates the file, or replaces its whole content, \
                with "content": a JSON string of the complete file as UTF-8 text (not a diff, not base64). \
                "delete" removes an existing file and has no "content".
                - A file may have at most %d bytes; all edits together at most %d bytes.
                - Do not write credentials, keys or tokens into any file.
                - If the task cannot be done within these rules, still reply with the JSON object: make \
                the smallest edit that helps and explain in "summary".
                """.formatted(limits.maxEdits(), limits.maxFileBytes(), limits.maxTotalBytes());
    }

    static String task(Task task, Policy policy, WorkTreeContext.Snapshot snapshot) {
        StringBuilder out = new StringBuilder(4096 + (int) Math.min(Integer.MAX_VALUE / 2, snapshot.contentBytes()));
        out.append("Task: ").append(task.id()).append('\n');
        out.append("Title: ").append(task.title()).append('\n');
        out.append("Scope: ").append(task.scope().orElse("(none)")).append("\n\n");
        out.append("Description:\n").append(task.description().isBlank() ? "(none)" : task.description().strip())
                .append("\n\n");
        out.append("Acceptance criteria:\n");
        List<String> criteria = task.acceptanceCriteria();
        if (criteria.isEmpty()) {
            out.append("(none given)\n");
        }
        for (int i = 0; i < criteria.size(); i++) {
            out.append(i + 1).append(". ").append(criteria.get(i).strip()).append('\n');
        }
        out.append("\nAllowed paths (you may write and delete only here):\n");
        for (AllowedPath allowed : task.allowedPaths()) {
            out.append("- ").append(allowed.value())
                    .append(allowed.isDirectory() ? " (this directory and everything below it)" : " (this file only)")
                    .append('\n');
        }
        if (!policy.forbiddenPaths().isEmpty()) {
            out.append("\nNever write these, even inside the allowed paths (the repository's policy forbids them):\n");
            for (Glob glob : policy.forbiddenPaths()) {
                out.append("- ").append(glob.pattern()).append('\n');
            }
        }
        out.append('\n');
        files(out, snapshot);
        out.append("\nReply with the JSON object described in your instructions, and nothing else.\n");
        return out.toString();
    }

    private static void files(StringBuilder out, WorkTreeContext.Snapshot snapshot) {
        List<ContextFile> files = snapshot.files();
        if (files.isEmpty()) {
            out.append("There are no files inside the allowed paths yet.\n");
            return;
        }
        long shown = snapshot.count(Shown.CONTENT);
        out.append("Current files inside the allowed paths: ").append(files.size())
                .append(snapshot.truncated() ? "+ (the listing stopped at " + WorkTreeContext.MAX_ENTRIES + ")" : "")
                .append(". File content in this prompt is limited to ").append(snapshot.capBytes())
                .append(" bytes; ").append(shown).append(shown == 1 ? " file is" : " files are")
                .append(" shown in full (").append(snapshot.contentBytes())
                .append(" bytes), the others are listed by name only.\n");
        for (ContextFile file : files) {
            if (file.shown() == Shown.CONTENT) {
                String content = file.content().orElse("");
                out.append("\n<file path=\"").append(file.path()).append("\" bytes=\"").append(file.size())
                        .append("\">\n").append(content);
                if (!content.isEmpty() && !content.endsWith("\n")) {
                    out.append("\n(no newline at end of file)\n");
                }
                out.append("</file>\n");
            }
        }
        if (shown == files.size()) {
            return;
        }
        out.append("\nListed without content:\n");
        int listed = 0;
        for (ContextFile file : files) {
            if (file.shown() == Shown.CONTENT) {
                continue;
            }
            if (listed == MAX_LISTED) {
                out.append("- … and ").append(files.size() - shown - listed).append(" more\n");
                break;
            }
            out.append("- ").append(file.path()).append(" (").append(why(file)).append(")\n");
            listed++;
        }
    }

    private static String why(ContextFile file) {
        return switch (file.shown()) {
            case TOO_LARGE -> file.size() + " bytes, over what is left of the content limit";
            case BINARY -> file.size() + " bytes, binary or not UTF-8";
            case SYMLINK -> "a symbolic link; nothing may be written through it";
            case FORBIDDEN -> "forbidden by the policy";
            case UNREADABLE -> "could not be read";
            case CONTENT -> "shown above";
        };
    }

    /** The message of a repair round: what was wrong, and what to send instead. */
    static String repair(List<String> problems, boolean truncated, int maxTokens) {
        StringBuilder out = new StringBuilder("Your reply could not be used:\n");
        int shown = Math.min(problems.size(), EditRules.MAX_PROBLEMS);
        for (int i = 0; i < shown; i++) {
            out.append("- ").append(problems.get(i)).append('\n');
        }
        if (problems.size() > shown) {
            out.append("- … and ").append(problems.size() - shown).append(" more problems\n");
        }
        if (truncated) {
            out.append("Your reply was cut off at the limit of ").append(maxTokens)
                    .append(" tokens: send a shorter reply (fewer or smaller files).\n");
        }
        out.append("Reply again with ONLY the corrected JSON object. It must hold the complete set of edits, "
                + "not only the corrected ones; nothing of the rejected reply was applied.\n");
        return out.toString();
    }
}
