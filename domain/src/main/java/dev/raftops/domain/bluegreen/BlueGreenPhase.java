package dev.raftops.domain.bluegreen;

/** The blue/green phases, in order; {@code RollingBack} and {@code RollbackCleanup} follow a failure after promotion. */
public enum BlueGreenPhase {
    Idle,
    DeployingGreen,
    JoiningMesh,
    Syncing,
    Promoting,
    DemotingBlue,
    Cleanup,
    RollingBack,
    RollbackCleanup
}
