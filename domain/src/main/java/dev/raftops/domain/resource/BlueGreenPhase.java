package dev.raftops.domain.resource;

import java.util.EnumSet;
import java.util.Set;

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

    /**
     * The phases this one may move to (staying put is always allowed): the order {@code raftops plan}
     * shows, held to what the decision does by {@code CutoverPlanPropertiesTest}.
     */
    public Set<BlueGreenPhase> next() {
        return switch (this) {
            case Idle -> EnumSet.of(DeployingGreen);
            case DeployingGreen -> EnumSet.of(JoiningMesh, Idle);
            case JoiningMesh -> EnumSet.of(Syncing, Idle);
            case Syncing -> EnumSet.of(Promoting, Idle);
            case Promoting -> EnumSet.of(DemotingBlue, RollingBack);
            case DemotingBlue -> EnumSet.of(Cleanup, RollingBack);
            case Cleanup -> EnumSet.of(Idle);
            case RollingBack -> EnumSet.of(RollbackCleanup);
            case RollbackCleanup -> EnumSet.of(Idle);
        };
    }
}
