package dev.raftops.simulator.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who deleted a pod the runtime did not delete itself. A watch event does not say who deleted an
 * object, but the embedder's API server sees every request's client: it names the controller's
 * pod deletes here before applying them ({@link #controllerDeletes}) and withdraws one the API
 * refused ({@link #refused}). A delete nobody named is a person's (kubectl, a test acting as one):
 * traced {@code cause: person}, which the invariant checker never counts against the controller.
 * Thread-safe: the API server calls it from its own threads while the runtime ticks.
 */
public final class PodDeleters {

    /** The trace cause of a pod the controller deleted. */
    public static final String CONTROLLER = "controller";
    /** The trace cause of a pod deleted by anyone but the controller and the runtime. */
    public static final String PERSON = "person";

    private final Map<String, Integer> byController = new ConcurrentHashMap<>();

    /** The controller is deleting pod {@code pod} (the request is about to be applied). */
    public void controllerDeletes(String pod) {
        byController.merge(pod, 1, Integer::sum);
    }

    /** The controller's delete of {@code pod} was refused (not found, conflict): it deleted nothing. */
    public void refused(String pod) {
        take(pod);
    }

    /** Who deleted {@code pod}, as the watch reported its delete; takes the controller's mark. */
    String causeOf(String pod) {
        return take(pod) ? CONTROLLER : PERSON;
    }

    private boolean take(String pod) {
        boolean[] marked = new boolean[1];
        byController.computeIfPresent(pod, (p, n) -> {
            marked[0] = true;
            return n > 1 ? n - 1 : null;
        });
        return marked[0];
    }
}
