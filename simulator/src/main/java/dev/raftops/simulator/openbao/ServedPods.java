package dev.raftops.simulator.openbao;

import java.util.List;
import java.util.Set;

/**
 * The pods an {@link OpenBaoDouble} answers for and how each answers now: a fixed list in the
 * executor's tests, the pods a real-time runtime plays (their state and faults) in the sandbox.
 * Called under the double's lock, so an implementation may take its own lock but must never wait
 * for the double.
 */
public interface ServedPods {

    /** How a pod's API answers. */
    enum Answer {
        /** No such pod here: 404. */
        NOT_SERVED,
        /** Nothing listens: the connection is dropped (the probe's address refuses it outright). */
        REFUSED,
        /** The server runs sealed: health 503, no part in Raft. */
        SEALED,
        /** The server runs unsealed. */
        SERVING
    }

    Answer answer(String pod);

    /** The version {@code sys/health} reports for the pod. */
    String version(String pod);

    /** Whether {@code auth/<mount>/login} accepts {@code jwt} (a Job's projected token). */
    boolean accepts(String jwt);

    /** {@code pods}, all running {@code version}, the ones in {@code sealed} sealed; logins with {@code jwt}. */
    static ServedPods fixed(List<String> pods, Set<String> sealed, String version, String jwt) {
        List<String> all = List.copyOf(pods);
        return new ServedPods() {
            @Override
            public Answer answer(String pod) {
                return !all.contains(pod) ? Answer.NOT_SERVED : sealed.contains(pod) ? Answer.SEALED : Answer.SERVING;
            }

            @Override
            public String version(String pod) {
                return version;
            }

            @Override
            public boolean accepts(String token) {
                return jwt.equals(token);
            }
        };
    }
}
