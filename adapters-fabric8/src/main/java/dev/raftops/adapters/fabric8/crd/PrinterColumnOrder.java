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
 * Target, Ready, Age). Only the order of the list items changes; every line stays as generated.
 */
public final class PrinterColumnOrder {

    private static final Pattern NAME = Pattern.compile("^\\s+name: \"([^\"]+)\"$");

    private PrinterColumnOrder() {
    }

    public static void main(String[] args) throws IOException {
        Path crd = Path.of(args[0]);
        Files.writeString(crd, reorder(Files.readString(crd, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** The column names in declaration order. */
    static List<String> declared() {
        List<String> names = new ArrayList<>();
        for (AdditionalPrinterColumn column : RaftCluster.class.getAnnotationsByType(AdditionalPrinterColumn.class)) {
            names.add(column.name());
        }
        return names;
    }

    static String reorder(String yaml) {
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
        if (!columns.keySet().containsAll(declared()) || columns.size() != declared().size()) {
            throw new IllegalStateException("generated printer columns " + columns.keySet() + ", declared " + declared());
        }
        List<String> out = new ArrayList<>(lines.subList(0, start + 1));
        declared().forEach(name -> out.addAll(columns.get(name)));
        out.addAll(lines.subList(end, lines.size()));
        return String.join("\n", out) + "\n";
    }
}
