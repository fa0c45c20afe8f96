package dev.raftops.ports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of the generated {@code RaftCluster} CRD ({@code controller-app/deploy/crd.yaml}, which
 * {@code DeployManifestsTest} keeps equal to the CRD the adapters generate), read without a YAML
 * library: the generator writes one key per line, indented by two, so the path of a property is the
 * chain of keys above it with {@code properties} dropped and {@code items} written as {@code []}.
 */
final class CrdSchema {

    private static final Pattern KEY = Pattern.compile("^( *)(?:- )?([A-Za-z0-9]+):(?: (.*))?$");
    private static final Pattern LIST_ITEM = Pattern.compile("^( *)- (\"?)(.*?)\\2$");

    /** One field: its JSON type and the constraints the schema puts on it, in file order. */
    record Field(String path, String type, boolean map, Map<String, String> constraints, String description) {

        /** The constraints as the reference shows them: {@code `key: value`}, comma separated. */
        String rendered() {
            List<String> parts = new ArrayList<>();
            constraints.forEach((k, v) -> parts.add("`" + k + ": " + v + "`"));
            return String.join(", ", parts);
        }
    }

    private final SortedMap<String, Field> fields = new TreeMap<>();

    private CrdSchema() {
    }

    /** Every property under {@code openAPIV3Schema}, by path ({@code spec.upgrade.timeouts.podReady}). */
    static SortedMap<String, Field> parse(String yaml) {
        CrdSchema schema = new CrdSchema();
        schema.read(unfolded(yaml.lines().toList()));
        return schema.fields;
    }

    private void read(List<String> lines) {
        List<int[]> indents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<String, Map<String, String>> constraints = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, Boolean> maps = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        String listKey = null;
        String listOwner = null;
        for (String line : lines) {
            Matcher item = LIST_ITEM.matcher(line);
            if (listKey != null && item.matches() && !line.contains(": ")) {
                String value = item.group(3);
                if (listKey.equals("required")) {
                    required.add(listOwner.isEmpty() ? value : listOwner + "." + value);
                } else {
                    constraints.get(listOwner).merge("enum", value, (a, b) -> a + ", " + b);
                }
                continue;
            }
            listKey = null;
            Matcher m = KEY.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int indent = m.group(1).length() + (line.stripLeading().startsWith("- ") ? 2 : 0);
            while (!indents.isEmpty() && indents.get(indents.size() - 1)[0] >= indent) {
                indents.remove(indents.size() - 1);
                keys.remove(keys.size() - 1);
            }
            indents.add(new int[] {indent});
            keys.add(m.group(2));
            int schemaAt = keys.indexOf("openAPIV3Schema");
            if (schemaAt < 0 || schemaAt == keys.size() - 1) {
                continue;
            }
            List<String> below = keys.subList(schemaAt + 1, keys.size());
            String key = m.group(2);
            String value = m.group(3);
            boolean isField = below.size() >= 2 && below.get(below.size() - 2).equals("properties");
            String owner = path(below.subList(0, isField ? below.size() : below.size() - 1));
            if (isField) {
                constraints.putIfAbsent(owner, new LinkedHashMap<>());
                continue;
            }
            if (owner == null || !constraints.containsKey(owner)) {
                if (key.equals("required") && owner != null) {
                    listKey = key;
                    listOwner = owner;
                }
                continue;
            }
            switch (key) {
                case "type" -> types.put(owner, unquote(value));
                case "additionalProperties" -> maps.put(owner, true);
                case "description" -> descriptions.put(owner, unquote(value));
                case "default", "minimum", "maxLength", "minLength", "pattern" ->
                        constraints.get(owner).put(key, number(unquote(value)));
                case "enum", "required" -> {
                    listKey = key;
                    listOwner = owner;
                }
                default -> {
                }
            }
        }
        for (String r : required) {
            if (constraints.containsKey(r)) {
                constraints.get(r).put("required", "true");
            }
        }
        constraints.forEach((p, c) -> fields.put(p, new Field(p, types.getOrDefault(p, "object"),
                maps.getOrDefault(p, false), c, descriptions.get(p))));
    }

    /**
     * The lines with every double-quoted value the generator folded over several lines joined back:
     * a line ending in {@code \\} continues on the next, whose indentation is dropped and whose
     * leading {@code \\ } stands for a space.
     */
    static List<String> unfolded(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder open = null;
        for (String line : lines) {
            if (open != null) {
                String next = line.stripLeading();
                open.append(next.startsWith("\\ ") ? " " + next.substring(2) : next);
            } else {
                open = new StringBuilder(line);
            }
            if (open.length() > 0 && open.charAt(open.length() - 1) == '\\') {
                open.setLength(open.length() - 1);
            } else {
                out.add(open.toString());
                open = null;
            }
        }
        return out;
    }

    /** The field path of a chain of schema keys, or null when the chain is not inside a property. */
    private static String path(List<String> chain) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            String k = chain.get(i);
            if (k.equals("items")) {
                out.append("[]");
            } else if (i > 0 && chain.get(i - 1).equals("properties")) {
                out.append(out.length() == 0 ? "" : ".").append(k);
            } else if (!k.equals("properties")) {
                return null;
            }
        }
        return out.toString();
    }

    private static String unquote(String value) {
        if (value == null) {
            return "";
        }
        return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                ? value.substring(1, value.length() - 1).replace("\\\"", "\"") : value;
    }

    /** {@code 1.0} → {@code 1}: the generator writes integral minimums as doubles. */
    private static String number(String value) {
        return value.matches("-?[0-9]+\\.0") ? value.substring(0, value.length() - 2) : value;
    }
}
