package dev.raftops.simulator.runtime;

import dev.raftops.simulator.openbao.MembershipRaftCluster;
import java.time.Instant;
import java.util.Map;
import java.util.SortedSet;

/** One colour's (one revisioned StatefulSet's) view of its blue/green cluster's shared Raft ({@link PlayedColours}). */
final class ColourRaft implements PlayedRaft {

    private final PlayedColours colours;
    private final String statefulSet;
    private final boolean joins;

    ColourRaft(PlayedColours colours, String statefulSet, boolean joins) {
        this.colours = colours;
        this.statefulSet = statefulSet;
        this.joins = joins;
    }

    private String pod(int ordinal) {
        return statefulSet + "-" + ordinal;
    }

    @Override
    public boolean leads(int ordinal) {
        return pod(ordinal).equals(colours.raft().leader());
    }

    @Override
    public MembershipRaftCluster api() {
        return colours.api();
    }

    @Override
    public void lose(int ordinal, String pod) {
        colours.lose(pod);
    }

    @Override
    public void elect(SortedSet<Integer> ready, int replicas, String name, Instant now) {
        colours.round(now);
    }

    @Override
    public boolean transfer(SortedSet<Integer> ready, String name) {
        return colours.raft().transfer(p -> true, colours.random());
    }

    @Override
    public void ready(String pod) {
        colours.ready(pod, joins);
    }

    @Override
    public boolean reportsLag() {
        return true;
    }

    @Override
    public Map<String, String> annotations(String pod) {
        return colours.annotations(pod, joins);
    }
}
