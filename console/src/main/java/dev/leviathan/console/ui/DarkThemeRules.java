package dev.leviathan.console.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern DECLARATION = Pattern.compile("^\\s+(-?[a-z][-a-z0-9]*)\\s*:\\s*(.*);\\s*$");
    private static final Pattern CLASS = Pattern.compile("\\.([-a-zA-Z0-9_]+)");

    private DarkThemeRules() {
    }

    /** One rule of a stylesheet: its selectors and its declarations (property, value) in order. */
    record Rule(List<String> selectors, List<String[]> declarations) {
    }

    /**
     * The override rules, as CSS text, for {@code pseudoClass} on the root.
     *
     * @throws IllegalArgumentException when the two sheets do not line up rule for rule, naming the
     *     first line where they part
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
                    differing.computeIfAbsent(ld[0], p -> new HashSet<>()).addAll(lastClasses(l.selectors()));
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
                if (styled != null && classes.stream().anyMatch(styled::contains)) {
                    carried.put(declaration[0], declaration[1]);
                }
            }
            if (carried.isEmpty()) {
                continue;
            }
            List<String> prefixed = d.selectors().stream().map(s -> prefix(root, s)).toList();
            css.append(String.join(",\n", prefixed)).append(" {\n");
            carried.forEach((property, value) -> css.append("  ").append(property).append(": ").append(value)
                    .append(";\n"));
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
            String[] parts = selector.trim().split("\\s*>\\s*|\\s+");
            Matcher m = CLASS.matcher(parts[parts.length - 1]);
            while (m.find()) {
                classes.add(m.group(1));
            }
        }
        return classes;
    }

    /** The rules of a stylesheet written one selector part per line and one declaration per line. */
    static List<Rule> parse(String css) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = css.replaceAll("(?s)/\\*.*?\\*/", "").split("\n", -1);
        StringBuilder selector = new StringBuilder();
        List<String[]> declarations = null;
        for (String line : lines) {
            String trimmed = line.strip();
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
                List<String> selectors = List.of(text.substring(0, text.length() - 1).strip().split("\\s*,\\s*"));
                rules.add(new Rule(selectors, declarations));
                selector.setLength(0);
                declarations = null;
            } else {
                Matcher m = DECLARATION.matcher(line);
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a declaration: " + trimmed);
                }
                declarations.add(new String[] {m.group(1), m.group(2).strip()});
            }
        }
        return rules;
    }
}
