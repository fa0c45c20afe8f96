package dev.raftops.sandbox;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server-side printing kubectl asks for ({@code Accept: application/json;as=Table;g=meta.k8s.io}):
 * the sandbox's storage answers plain JSON, turned here into a {@code meta.k8s.io/v1} Table with the
 * columns {@code kubectl get} shows for the kind (a RaftCluster's are its CRD's printer columns), each
 * row carrying the object's metadata so {@code -L} and {@code -l} work.
 */
final class TableView {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private TableView() {
    }

    static boolean wanted(RecordedRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && accept != null && accept.contains("as=Table")
                && !request.getPath().contains("watch=");
    }

    /** {@code plain} as a Table, or unchanged when it is not a 200 with an object or a list. */
    @SuppressWarnings("unchecked")
    static MockResponse of(MockResponse plain, Instant now) {

        if (plain.code() != 200 || plain.getBody() == null) {
            return plain;
        }
        String body = plain.getBody().readUtf8();
        Map<String, Object> doc = JSON.unmarshal(body, Map.class);
        List<Map<String, Object>> items = doc.get("items") instanceof List<?> list ? (List<Map<String, Object>>) list
                : List.of(doc);
        // the storage's lists may name no item kind: the items do
        String kind = String.valueOf(items.stream().map(i -> i.get("kind")).filter(java.util.Objects::nonNull).findFirst()
                .orElse(String.valueOf(doc.get("kind")).replaceFirst("List$", "")));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> item : items) {
            Map<String, Object> meta = (Map<String, Object>) item.getOrDefault("metadata", Map.of());
            Map<String, Object> partial = new LinkedHashMap<>();
            partial.put("kind", "PartialObjectMetadata");
            partial.put("apiVersion", "meta.k8s.io/v1");
            partial.put("metadata", meta);
            rows.add(Map.of("cells", cells(kind, item, now), "object", partial));
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/v1");
        table.put("metadata", Map.of("resourceVersion", String.valueOf(
                ((Map<String, Object>) doc.getOrDefault("metadata", Map.of())).getOrDefault("resourceVersion", ""))));
        table.put("columnDefinitions", columns(kind).stream().map(c -> Map.of("name", c, "type", "string",
                "format", c.equals("Name") ? "name" : "", "description", "", "priority", 0)).toList());
        table.put("rows", rows);
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(JSON.asJson(table));
    }

    private static List<String> columns(String kind) {
        return switch (kind) {
            case "RaftCluster" -> List.of("Name", "Phase", "Current", "Target", "Ready", "Age");
            case "Pod" -> List.of("Name", "Ready", "Status", "Restarts", "Age");
            case "Event" -> List.of("Last Seen", "Type", "Reason", "Object", "Message");
            case "StatefulSet" -> List.of("Name", "Ready", "Age");
            case "Job" -> List.of("Name", "Status", "Age");
            default -> List.of("Name", "Age");
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Object> cells(String kind, Map<String, Object> item, Instant now) {
        Map<String, Object> meta = (Map<String, Object>) item.getOrDefault("metadata", Map.of());
        Map<String, Object> status = item.get("status") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
        Map<String, Object> spec = item.get("spec") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
        String name = String.valueOf(meta.get("name"));
        String age = age(meta.get("creationTimestamp"), now);
        return switch (kind) {
            case "RaftCluster" -> List.of(name, text(status.get("phase")), text(status.get("currentVersion")),
                    text(spec.get("version")), conditionStatus(status, "Available"), age);
            case "Pod" -> List.of(name, (conditionTrue(status, "Ready") ? "1" : "0") + "/1",
                    meta.get("deletionTimestamp") != null ? "Terminating" : text(status.getOrDefault("phase", "Pending")),
                    0, age);
            case "Event" -> {
                Map<String, Object> involved = (Map<String, Object>) item.getOrDefault("involvedObject", Map.of());
                Object last = item.get("lastTimestamp") != null ? item.get("lastTimestamp") : meta.get("creationTimestamp");
                yield List.of(age(last, now), text(item.get("type")), text(item.get("reason")),
                        text(involved.get("kind")).toLowerCase(java.util.Locale.ROOT) + "/" + text(involved.get("name")),
                        text(item.get("message")));
            }
            case "StatefulSet" -> List.of(name, text(status.getOrDefault("readyReplicas", 0)) + "/"
                    + text(spec.getOrDefault("replicas", 0)), age);
            case "Job" -> List.of(name, conditionTrue(status, "Complete") ? "Complete"
                    : conditionTrue(status, "Failed") ? "Failed" : "Running", age);
            default -> List.of(name, age);
        };
    }

    @SuppressWarnings("unchecked")
    private static boolean conditionTrue(Map<String, Object> status, String type) {
        return status.get("conditions") instanceof List<?> conditions && conditions.stream()
                .anyMatch(c -> c instanceof Map<?, ?> m && type.equals(m.get("type")) && "True".equals(m.get("status")));
    }

    private static String conditionStatus(Map<String, Object> status, String type) {
        return status.get("conditions") instanceof List<?> conditions ? conditions.stream()
                .filter(c -> c instanceof Map<?, ?> m && type.equals(m.get("type")))
                .map(c -> text(((Map<?, ?>) c).get("status"))).findFirst().orElse("") : "";
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }

    /** kubectl's short age: {@code 42s}, {@code 5m}, {@code 3h}, {@code 2d}. */
    static String age(Object timestamp, Instant now) {
        if (timestamp == null) {
            return "<unknown>";
        }
        long s;
        try {
            s = Math.max(0, Duration.between(Instant.parse(timestamp.toString()), now).getSeconds());
        } catch (java.time.format.DateTimeParseException e) {
            return "<unknown>";
        }
        return s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s < 172800 ? s / 3600 + "h" : s / 86400 + "d";
    }
}
