package dev.raftops.acceptance.faults;

/**
 * What a {@link Fault} did: on whom ({@code token}, the leader's incarnation then), how many kills,
 * proxy faults and injected HTTP answers, and, for a leader left alive after it lost the Lease, from
 * when ({@link System#nanoTime()}) none of its writes may succeed (-1: no fence to check); what went
 * wrong while it was played, if anything.
 */
record FaultPlayed(Fault fault, String token, int kills, int proxyFaults, int httpFaults, long fencedFromNanos,
        String violation) {

    static FaultPlayed of(Fault fault, String token) {
        return new FaultPlayed(fault, token, 0, 0, 0, -1, null);
    }

    FaultPlayed withKills(int n) {
        return new FaultPlayed(fault, token, n, proxyFaults, httpFaults, fencedFromNanos, violation);
    }

    FaultPlayed withProxyFaults(int n) {
        return new FaultPlayed(fault, token, kills, n, httpFaults, fencedFromNanos, violation);
    }

    FaultPlayed withHttpFaults(int n) {
        return new FaultPlayed(fault, token, kills, proxyFaults, n, fencedFromNanos, violation);
    }

    FaultPlayed fencedFrom(long nanos) {
        return new FaultPlayed(fault, token, kills, proxyFaults, httpFaults, nanos, violation);
    }

    /** What went wrong while the fault was played (the standby never took over), or null. */
    FaultPlayed failing(String what) {
        return new FaultPlayed(fault, token, kills, proxyFaults, httpFaults, fencedFromNanos, what);
    }
}
