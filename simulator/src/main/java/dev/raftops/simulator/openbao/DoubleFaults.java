package dev.raftops.simulator.openbao;

import java.time.Duration;

/**
 * How the double departs from a healthy OpenBao, set by a test: the snapshot's body (size, empty,
 * not gzip, cut half-way), a 307 to a host that is no member, a workload without promote/demote
 * (before OpenBao 2.3.0) or without non-voters, how long autopilot takes to flip a voter flag, and
 * how fast joined servers catch up.
 *
 * @param snapshotBytes filler bytes in a snapshot
 * @param snapshotBody  what the snapshot endpoint sends
 * @param foreignRedirect when not null, standbys redirect snapshots to this base URL instead of the leader's
 * @param voterFlipDelay how long after a promote/demote the configuration shows it
 * @param catchUpPerTick entries a lagging server replicates per tick (100 ms)
 */
public record DoubleFaults(long snapshotBytes, Body snapshotBody, String foreignRedirect, boolean promoteDemote,
        boolean nonVoters, Duration voterFlipDelay, long catchUpPerTick) {

    public enum Body { WHOLE, EMPTY, NOT_GZIP, CUT_HALFWAY }

    public static DoubleFaults none() {
        return new DoubleFaults(256 * 1024, Body.WHOLE, null, true, true, Duration.ofMillis(300), 1_000_000);
    }

    public DoubleFaults withSnapshot(long bytes, Body body) {
        return new DoubleFaults(bytes, body, foreignRedirect, promoteDemote, nonVoters, voterFlipDelay, catchUpPerTick);
    }

    public DoubleFaults withForeignRedirect(String base) {
        return new DoubleFaults(snapshotBytes, snapshotBody, base, promoteDemote, nonVoters, voterFlipDelay, catchUpPerTick);
    }

    public DoubleFaults withoutPromoteDemote() {
        return new DoubleFaults(snapshotBytes, snapshotBody, foreignRedirect, false, nonVoters, voterFlipDelay, catchUpPerTick);
    }

    public DoubleFaults withoutNonVoters() {
        return new DoubleFaults(snapshotBytes, snapshotBody, foreignRedirect, promoteDemote, false, voterFlipDelay, catchUpPerTick);
    }

    public DoubleFaults withCatchUp(long perTick) {
        return new DoubleFaults(snapshotBytes, snapshotBody, foreignRedirect, promoteDemote, nonVoters, voterFlipDelay, perTick);
    }
}
