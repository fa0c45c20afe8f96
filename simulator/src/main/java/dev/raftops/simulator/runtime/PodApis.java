package dev.raftops.simulator.runtime;

import dev.raftops.simulator.model.RaftMembership;
import dev.raftops.simulator.openbao.MembershipRaftCluster;
import dev.raftops.simulator.openbao.OpenBaoDouble;
import dev.raftops.simulator.openbao.ServedPods;
import dev.raftops.simulator.trace.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The OpenBao API the pods of one {@link PlayedCluster} serve on loopback: one double per played
 * Raft (a rolling StatefulSet's group, or the configuration a blue/green cluster's colours share),
 * answering from that Raft as the runtime plays it, every pod under {@code /<pod>} with its own
 * version and its own state ({@link PlayedStatefulSet#answer}: refused while it does not run or an
 * {@code api-refused} fault holds it, sealed under {@code api-sealed}). The controller's member probe
 * and the executor Jobs both talk to these doubles: there is no second model of the cluster.
 */
final class PodApis implements AutoCloseable {

    private final Trace trace;
    private final Supplier<Object> lock;
    /** The played StatefulSet a pod name belongs to, or null. */
    private final Function<String, PlayedStatefulSet> setOf;
    private final Map<MembershipRaftCluster, OpenBaoDouble> doubles = new IdentityHashMap<>();
    /** The projected tokens of the executor Jobs whose program runs and whose login the workload accepts. */
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private MembershipRaftCluster empty;

    PodApis(Trace trace, Supplier<Object> lock, Function<String, PlayedStatefulSet> setOf) {
        this.trace = trace;
        this.lock = lock;
        this.setOf = setOf;
    }

    /** The double serving the pods of {@code raft}, started the first time it is asked for. */
    OpenBaoDouble of(PlayedRaft raft) {
        return of(raft.api());
    }

    /** The double of a Raft nobody plays (a Job whose pods the runtime does not play): every pod refuses. */
    OpenBaoDouble unplayed() {
        if (empty == null) {
            empty = new MembershipRaftCluster(new RaftMembership(trace, 0), new Random(0), 0);
        }
        return of(empty);
    }

    private OpenBaoDouble of(MembershipRaftCluster raft) {
        return doubles.computeIfAbsent(raft, r -> {
            try {
                return OpenBaoDouble.serve(new LockedRaftCluster(lock.get(), r), new Served(), ExecutorRun.MOUNT,
                        ExecutorRun.ROLE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Where {@code pod} answers now, or null when no double serves it yet (it refuses then). */
    String base(String pod) {
        PlayedStatefulSet set = setOf.apply(pod);
        if (set == null || answer(set, pod) == ServedPods.Answer.REFUSED) {
            return null;
        }
        return of(set.raft).base(pod);
    }

    /** The workload accepts the Job's projected {@code token} at login from now on (until {@link #revoke}). */
    void accept(String token) {
        tokens.add(token);
    }

    void revoke(String token) {
        tokens.remove(token);
    }

    /** HTTP requests the doubles answered (or dropped) so far. */
    long requests() {
        return doubles.values().stream().mapToLong(d -> d.requests().size()).sum();
    }

    @Override
    public void close() {
        doubles.values().forEach(OpenBaoDouble::close);
        doubles.clear();
    }

    /**
     * How the API of {@code pod} answers now: refused while there is no such pod or it is not Ready
     * (its server does not run yet), else as its API fault leaves it ({@link PlayedKubelet}).
     */
    private static ServedPods.Answer answer(PlayedStatefulSet set, String pod) {
        PlayedPod played = set.pod(ordinal(pod));
        return played == null || played.readyAt == null ? ServedPods.Answer.REFUSED : played.api;
    }

    private static int ordinal(String pod) {
        Integer ordinal = RaftMembership.ordinal(pod);
        return ordinal == null ? -1 : ordinal;
    }

    /** The cluster's pods as they answer now, read under the runtime's lock. */
    private final class Served implements ServedPods {

        @Override
        public Answer answer(String pod) {
            synchronized (lock.get()) {
                PlayedStatefulSet set = setOf.apply(pod);
                return set == null ? Answer.REFUSED : PodApis.answer(set, pod);
            }
        }

        @Override
        public String version(String pod) {
            synchronized (lock.get()) {
                PlayedStatefulSet set = setOf.apply(pod);
                PlayedPod played = set == null ? null : set.pod(ordinal(pod));
                return played == null ? null : played.version;
            }
        }

        @Override
        public boolean accepts(String jwt) {
            return tokens.contains(jwt);
        }
    }
}
