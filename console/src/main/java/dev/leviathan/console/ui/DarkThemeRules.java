package dev.leviathan.console.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives, from a light and a dark stylesheet written rule for rule alike (AtlantaFX's Primer pair
 * differs in about 120 of its 5,000 lines, all values), the rules that turn the light theme dark
 * under a pseudo-class on the scene's root: {@code .root:dark { ... }} for the colour variables, and
 * {@code .root:dark S} for each other rule whose declaration differs.
 *
 * <p>A prefixed rule is more specific than every rule of the light sheet, so where a differing
 * property is also declared by other rules that can style the same node (same class in the last
 * part of the selector), those rules are carried over too, in their order: the cascade among them
 * stays the dark sheet's.
 */
public final class DarkThemeRules {


    private DarkThemeRules() {
    }

    /** One rule of a stylesheet: its selectors and its declarations (property, value) in order. */
    record Rule(List<String> selectors, List<String[]> declarations) {
    }

    /**
     * The override rules, as CSS text, for {@code pseudoClass} on the root.
     *
     * @throws IllegalArgumentException when the two sheets do not line up rule for rule, naming the
     *     first rule where they part
     */
    public static String derive(String light, String dark, String pseudoClass) {
        List<Rule> lightRules = parse(light);
        List<Rule> darkRules = parse(dark);
        if (lightRules.size() != darkRules.size()) {
            throw new IllegalArgumentException("the light and dark stylesheets do not have the same rules ("
                    + lightRules.size() + " against " + darkRules.size() + "): the dark overrides cannot be derived");
        }
        // What differs: per property, the classes of the nodes the differing rules style.
        Map<String, Set<String>> differing = new HashMap<>();
        for (int i = 0; i < lightRules.size(); i++) {
            Rule l = lightRules.get(i);
            Rule d = darkRules.get(i);
            if (!l.selectors().equals(d.selectors()) || l.declarations().size() != d.declarations().size()) {
                throw new IllegalArgumentException("rule " + (i + 1) + " (" + String.join(", ", l.selectors())
                        + ") is not written alike in the light and dark stylesheets");
            }
            for (int k = 0; k < l.declarations().size(); k++) {
                String[] ld = l.declarations().get(k);
                String[] dd = d.declarations().get(k);
                if (!ld[0].equals(dd[0])) {
                    throw new IllegalArgumentException("rule " + (i + 1) + " (" + String.join(", ", l.selectors())
                            + ") declares " + ld[0] + " where the dark one declares " + dd[0]);
                }
                if (!ld[1].equals(dd[1])) {
                    Set<String> styled = differing.get(ld[0]);
                    if (styled == null) {
                        styled = new HashSet<>();
                        differing.put(ld[0], styled);
                    }
                    styled.addAll(lastClasses(l.selectors()));
                }
            }
        }
        StringBuilder css = new StringBuilder();
        String root = ".root:" + pseudoClass;
        for (int i = 0; i < darkRules.size(); i++) {
            Rule d = darkRules.get(i);
            Set<String> classes = lastClasses(d.selectors());
            Map<String, String> carried = new LinkedHashMap<>();
            for (String[] declaration : d.declarations()) {
                Set<String> styled = differing.get(declaration[0]);
                if (styled != null && !Collections.disjoint(styled, classes)) {
                    carried.put(declaration[0], declaration[1]);
                }
            }
            if (carried.isEmpty()) {
                continue;
            }
            for (int k = 0; k < d.selectors().size(); k++) {
                css.append(k == 0 ? "" : ",\n").append(prefix(root, d.selectors().get(k)));
            }
            css.append(" {\n");
            for (Map.Entry<String, String> declaration : carried.entrySet()) {
                css.append("  ").append(declaration.getKey()).append(": ").append(declaration.getValue()).append(";\n");
            }
            css.append("}\n");
        }
        return css.toString();
    }

    /** {@code .root X} becomes {@code .root:dark X}; any other selector gets {@code .root:dark } in front. */
    static String prefix(String root, String selector) {
        if (selector.equals(".root") || selector.startsWith(".root ") || selector.startsWith(".root.")
                || selector.startsWith(".root:") || selector.startsWith(".root>")) {
            int end = 0;
            while (end < selector.length() && selector.charAt(end) != ' ' && selector.charAt(end) != '>') {
                end++;
            }
            return selector.substring(0, end) + root.substring(".root".length()) + selector.substring(end);
        }
        return root + " " + selector;
    }

    /** The style classes of the last compound of each selector: the node the rule styles carries them. */
    private static Set<String> lastClasses(List<String> selectors) {
        Set<String> classes = new HashSet<>();
        for (String selector : selectors) {
            int from = Math.max(selector.lastIndexOf(' '), selector.lastIndexOf('>')) + 1;
            for (int dot = selector.indexOf('.', from); dot >= 0; dot = selector.indexOf('.', dot + 1)) {
                int end = dot + 1;
                while (end < selector.length() && isNameChar(selector.charAt(end))) {
                    end++;
                }
                classes.add(selector.substring(dot + 1, end));
            }
        }
        return classes;
    }

    private static boolean isNameChar(char c) {
        return c == '-' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /**
     * The rules of a stylesheet written one selector part per line and one declaration per line. Read
     * by hand, without regular expressions or streams: it runs as the console starts, before the JIT
     * has compiled either (the whole derivation took 130–170 ms with them, 45–90 ms without).
     */
    static List<Rule> parse(String css) {
        List<Rule> rules = new ArrayList<>();
        StringBuilder selector = new StringBuilder();
        List<String[]> declarations = null;
        int at = 0;
        while (at < css.length()) {
            int end = css.indexOf('\n', at);
            if (end < 0) {
                end = css.length();
            }
            int lineStart = at;
            String trimmed = css.substring(at, end).strip();
            at = end + 1;
            if (trimmed.startsWith("/*")) {
                // Comments stand on lines of their own in these sheets.
                int close = css.indexOf("*/", css.indexOf("/*", lineStart) + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("a comment that does not end");
                }
                int next = css.indexOf('\n', close);
                at = next < 0 ? css.length() : next + 1;
                continue;
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            if (declarations == null) {
                selector.append(trimmed).append(' ');
                if (trimmed.endsWith("{")) {
                    declarations = new ArrayList<>();
                }
            } else if (trimmed.equals("}")) {
                String text = selector.toString().strip();
                List<String> selectors = new ArrayList<>();
                for (String part : text.substring(0, text.length() - 1).split(",")) {
                    selectors.add(part.strip());
                }
                rules.add(new Rule(List.copyOf(selectors), declarations));
                selector.setLength(0);
                declarations = null;
            } else {
                declarations.add(declaration(trimmed));
            }
        }
        return rules;
    }

    private static String[] declaration(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || !line.endsWith(";")) {
            throw new IllegalArgumentException("not a declaration: " + line);
        }
        String name = line.substring(0, colon).strip();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '-' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not a declaration: " + line);
            }
        }
        return new String[] {name, line.substring(colon + 1, line.length() - 1).strip()};
    }
}
