package dev.raftops.domain.bluegreen;

/**
 * The blue/green phases. The forward path is {@code Idle → DeployingGreen → JoiningMesh → Syncing →
 * Promoting → DemotingBlue → Cleanup → Idle}; a failure before promotion aborts straight back to
 * {@code Idle}, a failure after promotion goes {@code RollingBack → RollbackCleanup → Idle}.
 * {@code Cleanup} is the point of no return.
 */
public enum BlueGreenPhase {
    Idle,
    DeployingGreen,
    JoiningMesh,
    Syncing,
    Promoting,
    DemotingBlue,
    Cleanup,
    RollingBack,
    RollbackCleanup;

    /** Green is not yet a voter: a failure aborts (delete Green, back to Idle). */
    public boolean beforePromotion() {
        return this == DeployingGreen || this == JoiningMesh || this == Syncing;
    }

    /** Green may already vote and Blue is still there: a failure rolls back. */
    public boolean afterPromotion() {
        return this == Promoting || this == DemotingBlue;
    }

    public boolean rollingBack() {
        return this == RollingBack || this == RollbackCleanup;
    }
}
