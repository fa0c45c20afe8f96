package dev.raftops.domain.cluster;

/** {@code status.phase}: the one-word summary a person sees in {@code kubectl get}. */
public enum Phase {
    Initializing,
    Running,
    Upgrading,
    BackingUp,
    Paused,
    Degraded,
    BreakGlass
}
