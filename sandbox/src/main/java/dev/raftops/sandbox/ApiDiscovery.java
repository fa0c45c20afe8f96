package dev.raftops.sandbox;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The discovery documents kubectl reads before anything else (the core and named API groups and their
 * resource lists, and the server version), answered by the sandbox's API server for the resources
 * its storage serves, so that {@code kubectl get raftclusters}, {@code get pods}, {@code get events},
 * {@code describe} and {@code patch} work against it. OpenAPI is not served (404): kubectl does
 * without it for these commands. Formats as the Kubernetes API serves them (APIVersions,
 * APIGroupList, APIResourceList; source: the Kubernetes API concepts documentation, "Discovery").
 */
final class ApiDiscovery {

    private static final List<String> ALL = List.of("create", "delete", "deletecollection", "get", "list", "patch",
            "update", "watch");

    /** A resource of a group version: plural, kind, short names. */
    private record Served(String plural, String kind, boolean namespaced, List<String> shortNames) {
    }

    private static final Map<String, List<Served>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("v1", List.of(new Served("pods", "Pod", true, List.of("po")),
                new Served("services", "Service", true, List.of("svc")),
                new Served("events", "Event", true, List.of("ev")),
                new Served("configmaps", "ConfigMap", true, List.of("cm")),
                new Served("secrets", "Secret", true, List.of()),
                new Served("serviceaccounts", "ServiceAccount", true, List.of("sa")),
                new Served("persistentvolumeclaims", "PersistentVolumeClaim", true, List.of("pvc")),
                new Served("namespaces", "Namespace", false, List.of("ns"))));
        GROUPS.put("apps/v1", List.of(new Served("statefulsets", "StatefulSet", true, List.of("sts")),
                new Served("deployments", "Deployment", true, List.of("deploy"))));
        GROUPS.put("batch/v1", List.of(new Served("jobs", "Job", true, List.of())));
        GROUPS.put("coordination.k8s.io/v1", List.of(new Served("leases", "Lease", true, List.of())));
        GROUPS.put("policy/v1", List.of(new Served("poddisruptionbudgets", "PodDisruptionBudget", true, List.of("pdb"))));
        GROUPS.put("raftops.dev/v1alpha1", List.of(new Served("raftclusters", "RaftCluster", true, List.of("raft")),
                new Served("raftrestores", "RaftRestore", true, List.of())));
        GROUPS.put("apiextensions.k8s.io/v1", List.of(new Served("customresourcedefinitions",
                "CustomResourceDefinition", false, List.of("crd", "crds"))));
    }

    private ApiDiscovery() {
    }

    /** The answer to a discovery request, or null when {@code request} is not one. */
    static MockResponse answer(RecordedRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String path = request.getPath();
        int query = path.indexOf('?');
        path = (query < 0 ? path : path.substring(0, query)).replaceAll("/+$", "");
        if (path.equals("/api")) {
            return json(200, "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":"
                    + "[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1\"}]}");
        }
        if (path.equals("/apis")) {
            return json(200, "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[" + GROUPS.keySet().stream()
                    .filter(gv -> gv.contains("/")).map(ApiDiscovery::group).collect(Collectors.joining(",")) + "]}");
        }
        if (path.equals("/version")) {
            return json(200, "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0-raftops-sandbox\","
                    + "\"platform\":\"linux/amd64\"}");
        }
        if (path.startsWith("/openapi/")) {
            return json(404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\","
                    + "\"code\":404,\"message\":\"the sandbox serves no OpenAPI\"}");
        }
        String groupVersion = path.equals("/api/v1") ? "v1" : path.startsWith("/apis/") ? path.substring(6) : null;
        if (groupVersion != null && GROUPS.containsKey(groupVersion)) {
            return json(200, "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"" + groupVersion
                    + "\",\"resources\":[" + GROUPS.get(groupVersion).stream().map(ApiDiscovery::resource)
                            .collect(Collectors.joining(",")) + "]}");
        }
        return null;
    }

    private static String group(String groupVersion) {
        String name = groupVersion.substring(0, groupVersion.indexOf('/'));
        String version = "{\"groupVersion\":\"" + groupVersion + "\",\"version\":\""
                + groupVersion.substring(groupVersion.indexOf('/') + 1) + "\"}";
        return "{\"name\":\"" + name + "\",\"versions\":[" + version + "],\"preferredVersion\":" + version + "}";
    }

    private static String resource(Served r) {
        String verbs = ALL.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(","));
        String shortNames = r.shortNames().stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        String main = "{\"name\":\"" + r.plural() + "\",\"singularName\":\"" + r.kind().toLowerCase(java.util.Locale.ROOT)
                + "\",\"namespaced\":" + r.namespaced() + ",\"kind\":\"" + r.kind() + "\",\"verbs\":[" + verbs
                + "],\"shortNames\":[" + shortNames + "]}";
        boolean withStatus = r.kind().equals("RaftCluster") || r.kind().equals("Pod") || r.kind().equals("StatefulSet")
                || r.kind().equals("Job");
        return withStatus ? main + ",{\"name\":\"" + r.plural() + "/status\",\"singularName\":\"\",\"namespaced\":"
                + r.namespaced() + ",\"kind\":\"" + r.kind() + "\",\"verbs\":[\"get\",\"patch\",\"update\"]}" : main;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }
}
