package dev.raftops.executor.openbao;

/**
 * One pod's answer to the unauthenticated {@code GET /v1/sys/health}: OpenBao answers 200 when
 * active, 429 standby, 503 sealed and 501 not initialised (openbao/openbao internal/http/sys_health.go;
 * website docs api/system/health.mdx).
 */
public record Health(String pod, State state, String version, String problem) {

    public enum State { ACTIVE, STANDBY, SEALED, UNINITIALISED, UNREACHABLE, UNEXPECTED }

    public static State of(int status) {
        return switch (status) {
            case 200 -> State.ACTIVE;
            case 429 -> State.STANDBY;
            case 503 -> State.SEALED;
            case 501 -> State.UNINITIALISED;
            default -> State.UNEXPECTED;
        };
    }

    public boolean active() {
        return state == State.ACTIVE;
    }

    public String describe() {
        return pod + " " + state.name().toLowerCase(java.util.Locale.ROOT) + (problem == null ? "" : " (" + problem + ")");
    }
}
