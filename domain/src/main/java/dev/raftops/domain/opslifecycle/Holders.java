package dev.raftops.domain.opslifecycle;

/**
 * Logical lock holders. They name the work, not the controller process, so a restarted controller
 * continues its own operation.
 */
public final class Holders {

    public static final String UPGRADE = "raftcluster/upgrade";
    public static final String BLUE_GREEN = "raftcluster/bluegreen";
    public static final String BACKUP = "raftcluster/backup";

    private Holders() {
    }

    public static String restore(String restoreName) {
        return "restore/" + restoreName;
    }
}
