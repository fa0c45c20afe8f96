package dev.raftops.domain.resource;

/**
 * One-shot request tokens ({@code spec.upgrade.requests}). A token is pending while it is
 * non-empty and differs from the matching {@code status.requests.lastHandled*} value.
 */
public record UpgradeRequests(String retry, String promote, String rollback) {

    public static UpgradeRequests none() {
        return new UpgradeRequests(null, null, null);
    }

    public UpgradeRequests withRetry(String token) {
        return new UpgradeRequests(token, promote, rollback);
    }

    public UpgradeRequests withPromote(String token) {
        return new UpgradeRequests(retry, token, rollback);
    }

    public UpgradeRequests withRollback(String token) {
        return new UpgradeRequests(retry, promote, token);
    }
}
