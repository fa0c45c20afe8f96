package dev.raftops.controller.cli;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the file {@code raftops plan} is given: every document of it (YAML, JSON being YAML too), or
 * every item of a {@code v1} {@code List} such as {@code kubectl get -o yaml} prints, must be a
 * {@code raftops.dev/v1alpha1} RaftCluster that the CRD's schema accepts. The answer is
 * either the RaftClusters, in file order, or every problem found, one line each, each naming the
 * file, the document when there is more than one, and the field path or the line and column.
 */
final class ManifestReading {

    static final String API_VERSION = RaftCluster.GROUP + "/" + RaftCluster.VERSION;

    /** The clusters of a readable file, or the problems of one that is not. */
    record Result(List<RaftCluster> clusters, List<String> problems) {

        Result {
            clusters = List.copyOf(clusters);
            problems = List.copyOf(problems);
        }
    }

    private ManifestReading() {
    }

    static Result read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return failed(file + ": no such file");
        } catch (IOException | RuntimeException e) {
            return failed(file + ": cannot read: " + e.getClass().getSimpleName());
        }
        List<Object> documents = new ArrayList<>();
        try {
            for (Object document : new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadAllFromString(text)) {
                if (document != null) {
                    documents.add(document);
                }
            }
        } catch (MarkedYamlEngineException e) {
            String at = e.getProblemMark().map(m -> ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("");
            return failed(file + at + ": YAML syntax error: " + oneLine(e.getProblem()));
        } catch (YamlEngineException e) {
            return failed(file + ": YAML syntax error: " + oneLine(e.getMessage()));
        }
        if (documents.isEmpty()) {
            return failed(file + ": no document; expected a RaftCluster (" + API_VERSION + ")");
        }
        // what kubectl get -o yaml prints for several objects: a v1 List, each item one document
        Map<String, Object> labelled = new java.util.LinkedHashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            String document = documents.size() > 1 ? "document " + (i + 1) : "";
            if (documents.get(i) instanceof Map<?, ?> list && "List".equals(list.get("kind"))
                    && "v1".equals(list.get("apiVersion")) && list.get("items") instanceof List<?> items) {
                for (int j = 0; j < items.size(); j++) {
                    labelled.put((document.isEmpty() ? "" : document + ", ") + "item " + (j + 1), items.get(j));
                }
            } else {
                labelled.put(document, documents.get(i));
            }
        }
        List<RaftCluster> clusters = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        labelled.forEach((label, document) -> {
            String where = file + (label.isEmpty() ? "" : " (" + label + ")") + ": ";
            List<String> found = problems(document);
            found.forEach(p -> problems.add(where + p));
            if (found.isEmpty()) {
                try {
                    clusters.add(new KubernetesSerialization().convertValue(document, RaftCluster.class));
                } catch (RuntimeException e) {
                    problems.add(where + "not a RaftCluster the CRD accepts: " + oneLine(e.getMessage()));
                }
            }
        });
        return problems.isEmpty() ? new Result(clusters, List.of()) : new Result(List.of(), problems);
    }

    /** A wrong kind or apiVersion is the one problem of its document; otherwise every schema problem. */
    private static List<String> problems(Object document) {
        if (!(document instanceof Map<?, ?> map)) {
            return new ArrayList<>(List.of("expected a RaftCluster object, got " + (document instanceof List
                    ? "a list" : "the value " + oneLine(String.valueOf(document)))));
        }
        Object kind = map.get("kind");
        Object apiVersion = map.get("apiVersion");
        if (kind == null) {
            return new ArrayList<>(List.of("kind: missing; a RaftCluster document starts with apiVersion: "
                    + API_VERSION + " and kind: RaftCluster"));
        }
        if (!"RaftCluster".equals(kind)) {
            return new ArrayList<>(List.of("kind " + kind + " is not a RaftCluster (" + API_VERSION + ")"));
        }
        if (!API_VERSION.equals(apiVersion)) {
            return new ArrayList<>(List.of("apiVersion " + (apiVersion == null ? "missing" : apiVersion)
                    + ": a RaftCluster is " + API_VERSION));
        }
        return SchemaCheck.problems(map);
    }

    private static Result failed(String problem) {
        return new Result(List.of(), List.of(problem));
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }
}
