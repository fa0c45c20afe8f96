package dev.raftops.domain.opslifecycle;

/** The disruptive operations that exclude one another through the operation lock. */
public enum Operation {
    Upgrade,
    BlueGreen,
    Backup,
    Restore
}
