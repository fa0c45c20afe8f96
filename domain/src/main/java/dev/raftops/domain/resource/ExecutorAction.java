package dev.raftops.domain.resource;

/** What an executor Job does; the wire name is its {@code raftops.dev/action} label and trace value. */
public enum ExecutorAction {
    STEP_DOWN("step-down"),
    BACKUP("backup"),
    PRE_UPGRADE_SNAPSHOT("pre-upgrade-snapshot"),
    JOIN_GREEN("join-green"),
    WAIT_SYNCED("wait-synced"),
    PROMOTE_GREEN("promote-green"),
    DEMOTE_BLUE("demote-blue"),
    REMOVE_BLUE_PEERS("remove-blue-peers"),
    REPAIR_CONSENSUS("repair-consensus"),
    REMOVE_GREEN_PEERS("remove-green-peers"),
    VALIDATION_HOOK("validation-hook"),
    RESTORE("restore");

    private final String wireName;

    ExecutorAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ExecutorAction fromWire(String value) {
        for (ExecutorAction a : values()) {
            if (a.wireName.equals(value)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown executor action \"" + value + "\"");
    }
}
