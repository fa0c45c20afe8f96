package dev.raftops.controller.cli;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A RaftCluster document held against the schema of the CRD raftops ships (the one the API server
 * validates with): every unknown field by its path, with the nearest known name when one is close,
 * every value of the wrong type, every required field that is missing. One problem, one line.
 */
final class SchemaCheck {

    private static final JSONSchemaProps SCHEMA = load();

    private SchemaCheck() {
    }

    /** The problems of one parsed document ({@code spec} and {@code status}; {@code metadata} only as an object). */
    static List<String> problems(Map<?, ?> document) {
        List<String> problems = new ArrayList<>();
        check(document, SCHEMA, "", problems);
        return problems;
    }

    private static void check(Object value, JSONSchemaProps schema, String path, List<String> problems) {
        if (value == null || schema == null || Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields())) {
            return;
        }
        String type = schema.getType() == null ? "object" : schema.getType();
        String wrong = wrongType(value, type);
        if (wrong != null) {
            problems.add(path + ": expected " + article(type) + ", got " + wrong);
            return;
        }
        if (value instanceof List<?> list) {
            JSONSchemaProps items = schema.getItems() == null ? null : schema.getItems().getSchema();
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), items, path + "[" + i + "]", problems);
            }
            return;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return;
        }
        Map<String, JSONSchemaProps> properties = schema.getProperties();
        JSONSchemaProps values = schema.getAdditionalProperties() == null ? null
                : schema.getAdditionalProperties().getSchema();
        if (properties == null || properties.isEmpty()) {
            if (values != null) {
                map.forEach((k, v) -> check(v, values, join(path, String.valueOf(k)), problems));
            }
            return;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            JSONSchemaProps field = properties.get(key);
            if (field == null) {
                String near = FieldNames.nearest(key, properties.keySet());
                problems.add(join(path, key) + ": unknown field" + (near == null ? "" : "; did you mean "
                        + join(path, near) + "?"));
            } else {
                check(entry.getValue(), field, join(path, key), problems);
            }
        }
        if (schema.getRequired() != null) {
            for (String required : schema.getRequired()) {
                if (map.get(required) == null) {
                    problems.add(join(path, required) + ": required field missing");
                }
            }
        }
    }

    /** How {@code value} is described when it is not of {@code type}, or null when it is. */
    private static String wrongType(Object value, String type) {
        boolean ok = switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof BigInteger;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            default -> true;
        };
        if (ok) {
            return null;
        }
        if (value instanceof String s) {
            return "the string \"" + s + "\"";
        }
        if (value instanceof Number n) {
            return "the number " + n + (type.equals("string") ? " (quote it: \"" + n + "\")" : "");
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        return value instanceof Map ? "an object" : value instanceof List ? "a list" : "a " + value.getClass().getSimpleName();
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "an object";
            case "array" -> "a list";
            case "integer" -> "an integer";
            default -> "a " + type.toLowerCase(Locale.ROOT);
        };
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The document schema: the CRD's, with the fields every Kubernetes object has. */
    private static JSONSchemaProps load() {
        try (InputStream in = Fabric8Adapters.class.getResourceAsStream(Fabric8Adapters.CRD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the generated CRD is missing from the jar (" + Fabric8Adapters.CRD_RESOURCE + ")");
            }
            CustomResourceDefinition crd = new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
            JSONSchemaProps schema = crd.getSpec().getVersions().stream()
                    .filter(v -> v.getName().equals(RaftCluster.VERSION)).findFirst().orElseThrow()
                    .getSchema().getOpenAPIV3Schema();
            JSONSchemaProps metadata = new JSONSchemaProps();
            metadata.setType("object");
            metadata.setXKubernetesPreserveUnknownFields(true);
            JSONSchemaProps text = new JSONSchemaProps();
            text.setType("string");
            schema.getProperties().putIfAbsent("metadata", metadata);
            schema.getProperties().put("apiVersion", text);
            schema.getProperties().put("kind", text);
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
