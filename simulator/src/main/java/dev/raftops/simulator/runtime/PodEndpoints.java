package dev.raftops.simulator.runtime;

/**
 * Where the played pods' OpenBao API answers, for a client that addresses them itself (the sandbox's
 * member probe) and for the measurements of docs/performance.md. Every call takes the runtime's lock.
 */
public final class PodEndpoints {

    private final Object lock;
    private final PlayedNamespace namespace;

    PodEndpoints(Object lock, PlayedNamespace namespace) {
        this.lock = lock;
        this.namespace = namespace;
    }

    /**
     * Where {@code pod}'s API answers now, a base URL before {@code /v1/...}: the loopback double of its
     * Raft ({@link PodApis}), or a port that refuses connections while its server does not run.
     */
    public String address(String pod) {
        synchronized (lock) {
            return namespace.podAddress(pod);
        }
    }

    /** HTTP requests the pods' API answered (or dropped) so far, every client's. */
    public long requests() {
        synchronized (lock) {
            return namespace.apiRequests();
        }
    }
}
