package dev.raftops.adapters.fabric8.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A build step run right after the CRD generator ({@code process-classes}, see the module's pom):
 * the generator sorts printer columns by JSON path, and {@code kubectl get} shows them in list
 * order, so this puts them back in the order {@link RaftCluster} declares them (Phase, Current,
 * Target, Ready, Age), or the class named by a second argument ({@link RaftRestore}). Only the order
 * of the list items changes; every line stays as generated.
 */
public final class PrinterColumnOrder {

    private static final Pattern NAME = Pattern.compile("^\\s+name: \"([^\"]+)\"$");

    private PrinterColumnOrder() {
    }

    public static void main(String[] args) throws IOException {
        Path crd = Path.of(args[0]);
        Class<?> type = args.length > 1 && args[1].equals(RaftRestore.class.getSimpleName()) ? RaftRestore.class
                : RaftCluster.class;
        Files.writeString(crd, reorder(Files.readString(crd, StandardCharsets.UTF_8), type), StandardCharsets.UTF_8);
    }

    /** The column names of the RaftCluster in declaration order. */
    static List<String> declared() {
        return declared(RaftCluster.class);
    }

    static List<String> declared(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (AdditionalPrinterColumn column : type.getAnnotationsByType(AdditionalPrinterColumn.class)) {
            names.add(column.name());
        }
        return names;
    }

    static String reorder(String yaml) {
        return reorder(yaml, RaftCluster.class);
    }

    static String reorder(String yaml, Class<?> type) {
        List<String> order = declared(type);
        List<String> lines = new ArrayList<>(yaml.lines().toList());
        int start = lines.indexOf("  - additionalPrinterColumns:");
        if (start < 0) {
            throw new IllegalStateException("no additionalPrinterColumns in the generated CRD");
        }
        String item = "    - ";
        Map<String, List<String>> columns = new LinkedHashMap<>();
        int end = start + 1;
        while (end < lines.size() && lines.get(end).startsWith(item)) {
            List<String> column = new ArrayList<>();
            column.add(lines.get(end++));
            while (end < lines.size() && lines.get(end).startsWith("      ")) {
                column.add(lines.get(end++));
            }
            String name = column.stream().map(NAME::matcher).filter(Matcher::matches).map(m -> m.group(1))
                    .findFirst().orElseThrow(() -> new IllegalStateException("a printer column without a name"));
            columns.put(name, column);
        }
        if (!columns.keySet().containsAll(order) || columns.size() != order.size()) {
            throw new IllegalStateException("generated printer columns " + columns.keySet() + ", declared " + order);
        }
        List<String> out = new ArrayList<>(lines.subList(0, start + 1));
        order.forEach(name -> out.addAll(columns.get(name)));
        out.addAll(lines.subList(end, lines.size()));
        return String.join("\n", out) + "\n";
    }
}
