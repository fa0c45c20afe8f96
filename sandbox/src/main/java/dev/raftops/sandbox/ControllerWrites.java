package dev.raftops.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The embedded API server's storage, seeing which requests come from a controller instance (its
 * client's User-Agent is {@code raftops-sandbox/<instance>}) so it can count the controller's writes
 * and play the controller faults on them: a 409 instead of the write, or a crash right after it.
 * The runtime's and the user's requests are never counted nor faulted. Discovery requests (kubectl's)
 * are answered by {@link ApiDiscovery}, and its requests for a Table by {@link TableView}.
 */
final class ControllerWrites extends KubernetesCrudDispatcher {

    /** The User-Agent prefix of a controller instance's client. */
    static final String AGENT = "raftops-sandbox/";

    /** What the environment does when a fault fires. */
    interface Observer {
        void conflicted(String instance, int write, SandboxFault.WriteKind kind, String request);

        /** Called after write {@code write} was applied; the instance is already cut off. */
        void crashed(String instance, int write);

        /** A controller instance is deleting pod {@code pod}: called before the delete is applied. */
        void deletingPod(String pod);

        /** The controller's delete of pod {@code pod} was refused: it deleted nothing. */
        void podDeleteRefused(String pod);
    }

    private final Observer observer;
    private final List<SandboxFault> faults = new ArrayList<>();
    private final Map<SandboxFault.WriteKind, Integer> byKind = new TreeMap<>();
    private final Map<String, Integer> byInstance = new TreeMap<>();
    private final Set<String> dead = new TreeSet<>();
    private int writes;

    ControllerWrites(Observer observer) {
        this.observer = observer;
    }

    /** Plays {@code next} from now on, counting writes from zero again. */
    synchronized void inject(List<SandboxFault> next) {
        faults.clear();
        faults.addAll(next);
        byKind.clear();
        byInstance.clear();
        writes = 0;
    }

    /** The controller's writes since the last {@link #inject}. */
    synchronized int writes() {
        return writes;
    }

    /** Per instance, its writes since the last {@link #inject}. */
    synchronized Map<String, Integer> writesByInstance() {
        return new TreeMap<>(byInstance);
    }

    /** From now on every request of {@code instance} is refused: the process is gone. */
    synchronized void cutOff(String instance) {
        dead.add(instance);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse discovery = ApiDiscovery.answer(request);
        if (discovery != null) {
            return discovery;
        }
        if (TableView.wanted(request)) {
            return TableView.of(super.dispatch(request), java.time.Instant.now());
        }
        String agent = request.getHeader("User-Agent");
        if (agent == null || !agent.startsWith(AGENT)) {
            return super.dispatch(request);
        }
        String instance = agent.substring(AGENT.length());
        SandboxFault.WriteKind kind = kind(request);
        int write;
        boolean conflict;
        boolean crash;
        synchronized (this) {
            if (dead.contains(instance)) {
                return refused(403, "Forbidden", "controller instance " + instance + " is gone");
            }
            if (kind == null) {
                return super.dispatch(request);
            }
            write = ++writes;
            byInstance.merge(instance, 1, Integer::sum);
            int ofKind = byKind.merge(kind, 1, Integer::sum);
            conflict = conflicts(write, kind, ofKind);
            crash = !conflict && faults.contains(new SandboxFault.ControllerCrash(write));
            if (crash) {
                dead.add(instance); // the instance's next request must not land before the crash is played
            }
        }
        if (conflict) {
            observer.conflicted(instance, write, kind, request.getMethod() + " " + request.getPath());
            return refused(409, "Conflict", "injected conflict on the controller's write " + write);
        }
        String pod = kind == SandboxFault.WriteKind.POD && "DELETE".equals(request.getMethod())
                ? podName(request.getPath()) : null;
        if (pod != null) {
            observer.deletingPod(pod);
        }
        MockResponse response = super.dispatch(request);
        if (pod != null && response.code() >= 300) {
            observer.podDeleteRefused(pod);
        }
        if (crash) {
            observer.crashed(instance, write);
        }
        return response;
    }

    private boolean conflicts(int write, SandboxFault.WriteKind kind, int ofKind) {
        for (SandboxFault fault : faults) {
            if (fault instanceof SandboxFault.Conflict c && c.write() == write) {
                return true;
            }
            if (fault instanceof SandboxFault.ConflictOn c && c.kind() == kind && (ofKind - 1) % c.every() == 0) {
                return true;
            }
        }
        return false;
    }

    /** The kind of a counted write, or null for a read, an Event or a Lease (never counted). */
    static SandboxFault.WriteKind kind(RecordedRequest request) {
        String method = request.getMethod();
        if (!("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method))) {
            return null;
        }
        String path = request.getPath();
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        if (path.contains("/events") || path.startsWith("/apis/coordination.k8s.io/")) {
            return null;
        }
        if (path.contains("/raftclusters/") && path.endsWith("/status")) {
            return SandboxFault.WriteKind.STATUS;
        }
        if (path.contains("/statefulsets")) {
            return SandboxFault.WriteKind.STATEFULSET;
        }
        if (path.contains("/pods")) {
            return SandboxFault.WriteKind.POD;
        }
        if (path.contains("/jobs")) {
            return SandboxFault.WriteKind.JOB;
        }
        return SandboxFault.WriteKind.OTHER;
    }

    /** The pod a {@code DELETE .../pods/<name>} request names, or null for a collection delete. */
    static String podName(String path) {
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        int at = bare.lastIndexOf("/pods/");
        return at < 0 || bare.indexOf('/', at + "/pods/".length()) >= 0 ? null : bare.substring(at + "/pods/".length());
    }

    private static MockResponse refused(int code, String reason, String message) {
        String body = "{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\"" + reason
                + "\",\"code\":" + code + ",\"message\":\"" + message + "\"}";
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }
}
