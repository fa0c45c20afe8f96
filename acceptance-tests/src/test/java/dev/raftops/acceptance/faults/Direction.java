package dev.raftops.acceptance.faults;

/** Which way bytes travel through a {@link FaultProxy}: from the controller up to the API server, or back down. */
public enum Direction {
    /** Controller to API server: requests, writes. */
    UP,
    /** API server to controller: answers, watch events. */
    DOWN
}
