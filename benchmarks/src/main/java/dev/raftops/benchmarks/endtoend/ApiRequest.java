package dev.raftops.benchmarks.endtoend;

/**
 * One request the embedded API server answered, as the end-to-end runs count it.
 *
 * @param arrivedNanos {@link System#nanoTime()} when the server received the request
 * @param doneNanos {@link System#nanoTime()} when the server had applied it (watch events sent)
 * @param actor who sent it, from its User-Agent
 * @param verb READ, WATCH or WRITE
 * @param method the HTTP method
 * @param kind the resource plural from the path ({@code pods}, {@code statefulsets}, ...), with
 *     {@code /status} appended for a status subresource
 * @param cluster the RaftCluster the request is about, or null when it names none (a list of all)
 * @param signal what the request means to the latency analysis
 * @param code the HTTP status the server answered
 */
record ApiRequest(long arrivedNanos, long doneNanos, Actor actor, Verb verb, String method, String kind,
        String cluster, Signal signal, int code) {

    /** Who sent a request: each party has its own client with its own User-Agent. */
    enum Actor {
        CONTROLLER, RUNTIME, USER
    }

    enum Verb {
        READ, WATCH, WRITE
    }

    /** The requests the step-latency analysis looks at; everything else is NONE. */
    enum Signal {
        /** the runtime marks a pod Ready (the event a released pod's step waits for) */
        POD_READY,
        /** the runtime finishes an executor Job (the event a step-down waits for) */
        JOB_FINISHED,
        /** the user changes a RaftCluster's spec (the event an upgrade's first step waits for) */
        SPEC_EDIT,
        /** the controller moves a StatefulSet (template or partition) */
        STATEFULSET_WRITE,
        /** the controller creates an executor Job */
        JOB_CREATE,
        NONE
    }

    boolean enabling() {
        return signal == Signal.POD_READY || signal == Signal.JOB_FINISHED || signal == Signal.SPEC_EDIT;
    }

    boolean step() {
        return signal == Signal.STATEFULSET_WRITE || signal == Signal.JOB_CREATE;
    }
}
