package dev.raftops.simulator.model;

import dev.raftops.simulator.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * One Raft configuration that can span several StatefulSets (Blue and Green): members by pod name,
 * each a voter or a non-voter with a replication lag, and the one leader. It has no clock and no
 * randomness of its own: the caller (the deterministic {@code SimWorld}, or the real-time runtime)
 * decides when things happen and passes its seeded random source, so both play the same rules.
 *
 * <p>Rules: only a Ready voter can lead; an election needs a quorum of the voters Ready
 * ({@code voters/2 + 1}); non-voters never count; every leadership change starts a new term.
 * Every change of membership, voter status or lag is a {@code raft.member} trace line; every
 * leadership change a {@code raft.leader} line.
 */
public final class RaftMembership {

    private static final class Member {
        boolean voter;
        boolean ready;
        Long lag;
    }

    private final Trace trace;
    /** Members by pod name, in StatefulSet then ordinal order ({@code db-2} before {@code db-10}). */
    private final SortedMap<String, Member> members = new TreeMap<>(RaftMembership::podOrder);
    private String leader;
    private long term;

    public RaftMembership(Trace trace, long term) {
        this.trace = trace;
        this.term = term;
    }

    public String leader() {
        return leader;
    }

    public long term() {
        return term;
    }

    public boolean isMember(String pod) {
        return members.containsKey(pod);
    }

    public boolean isVoter(String pod) {
        Member m = members.get(pod);
        return m != null && m.voter;
    }

    /** Whether {@code pod} is a member whose pod is Ready. */
    public boolean isReady(String pod) {
        Member m = members.get(pod);
        return m != null && m.ready;
    }

    /** The member's lag behind the leader, or null when {@code pod} is not a member. */
    public Long lag(String pod) {
        Member m = members.get(pod);
        return m == null ? null : m.lag;
    }

    /** Member pod names, sorted. */
    public List<String> members() {
        return List.copyOf(members.keySet());
    }

    /**
     * The configuration a fresh cluster starts with: every pod a voter, none Ready yet. It is the
     * starting point, not a change, so it writes no trace line.
     */
    public void bootstrap(List<String> voters) {
        for (String pod : voters) {
            Member m = members.computeIfAbsent(pod, p -> new Member());
            m.voter = true;
            m.lag = 0L;
        }
    }

    /** {@code pod} joins (or re-joins) the configuration. */
    public void join(String pod, boolean voter, boolean ready, long lag) {
        Member m = members.computeIfAbsent(pod, p -> new Member());
        m.voter = voter;
        m.ready = ready;
        m.lag = lag;
        member(pod, m);
    }

    /** Makes {@code pod} a voter or a non-voter; a leader that stops voting steps down. */
    public void setVoter(String pod, boolean voter) {
        Member m = members.get(pod);
        if (m == null || m.voter == voter) {
            return;
        }
        m.voter = voter;
        member(pod, m);
        if (!voter && pod.equals(leader)) {
            leaderless();
        }
    }

    /** Removes {@code pod} from the configuration. */
    public void remove(String pod) {
        if (members.remove(pod) == null) {
            return;
        }
        trace.write(trace.line("raft.member").put("pod", pod).put("voter", false).put("lag", null)
                .put("removed", true));
        if (pod.equals(leader)) {
            leaderless();
        }
    }

    /** The pod hosting {@code pod}'s member became Ready or stopped; a leader that stops loses leadership. */
    public void ready(String pod, boolean ready) {
        Member m = members.get(pod);
        if (m == null) {
            return;
        }
        m.ready = ready;
        if (!ready && pod.equals(leader)) {
            leaderless();
        }
    }

    /** The member's lag is now {@code lag}. */
    public void lag(String pod, long lag) {
        Member m = members.get(pod);
        if (m == null || (m.lag != null && m.lag == lag)) {
            return;
        }
        m.lag = lag;
        member(pod, m);
    }

    /** Ready voters, sorted, except {@code except} (may be null). */
    public List<String> readyVoters(String except) {
        List<String> out = new ArrayList<>();
        members.forEach((pod, m) -> {
            if (m.voter && m.ready && !pod.equals(except)) {
                out.add(pod);
            }
        });
        return out;
    }

    /** Whether enough voters are Ready to elect a leader. */
    public boolean hasQuorum() {
        long voters = members.values().stream().filter(m -> m.voter).count();
        return voters > 0 && readyVoters(null).size() >= voters / 2 + 1;
    }

    /** {@code pod} leads; {@code newTerm} false only for the starting leader. */
    public void elect(String pod, boolean newTerm) {
        leader = pod;
        term += newTerm ? 1 : 0;
        Member m = members.get(pod);
        if (m != null) {
            m.lag = 0L;
        }
        trace.write(trace.line("raft.leader").put("pod", pod).put("ordinal", ordinal(pod)).put("term", term));
    }

    /** A leaderless group with a quorum elects a Ready voter at random; false when it cannot. */
    public boolean electAtRandom(RandomGenerator random) {
        if (leader != null || !hasQuorum()) {
            return false;
        }
        List<String> candidates = readyVoters(null);
        elect(candidates.get(random.nextInt(candidates.size())), true);
        return true;
    }

    /**
     * Leadership moves to a Ready voter accepted by {@code eligible} (not the current leader);
     * false when there is none.
     */
    public boolean transfer(Predicate<String> eligible, RandomGenerator random) {
        List<String> candidates = new ArrayList<>(readyVoters(leader));
        candidates.removeIf(eligible.negate());
        if (candidates.isEmpty() || !hasQuorum()) {
            return false;
        }
        elect(candidates.get(random.nextInt(candidates.size())), true);
        return true;
    }

    private void leaderless() {
        leader = null;
        trace.write(trace.line("raft.leader").put("pod", null).put("ordinal", null).put("term", term));
    }

    private void member(String pod, Member m) {
        trace.write(trace.line("raft.member").put("pod", pod).put("voter", m.voter).put("lag", m.lag));
    }

    /** Pod names by StatefulSet name, then numerically by ordinal (a name without an ordinal is its own set). */
    static int podOrder(String a, String b) {
        Integer oa = a.indexOf('-') < 0 ? null : ordinal(a);
        Integer ob = b.indexOf('-') < 0 ? null : ordinal(b);
        String setA = oa == null ? a : a.substring(0, a.lastIndexOf('-'));
        String setB = ob == null ? b : b.substring(0, b.lastIndexOf('-'));
        int c = setA.compareTo(setB);
        if (c == 0) {
            c = Integer.compare(oa == null ? -1 : oa, ob == null ? -1 : ob);
        }
        return c != 0 ? c : a.compareTo(b);
    }

    /** The ordinal a StatefulSet pod name ends with. */
    public static Integer ordinal(String pod) {
        if (pod == null) {
            return null;
        }
        String suffix = pod.substring(pod.lastIndexOf('-') + 1);
        return suffix.matches("[0-9]{1,9}") ? Integer.valueOf(suffix) : null;
    }
}
