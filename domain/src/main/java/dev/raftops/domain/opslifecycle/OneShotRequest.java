package dev.raftops.domain.opslifecycle;

import java.util.Objects;

/**
 * A one-shot request token ({@code spec.upgrade.requests.retry}, {@code spec.backup.requests.trigger}, ...)
 * next to the last token of its kind that was handled. A token is pending while it is non-empty and
 * differs from the handled one; handling it (acting on it or ignoring it) records it, so a stale
 * token never fires later.
 */
public record OneShotRequest(String token, String lastHandled) {

    public boolean pending() {
        return token != null && !token.isEmpty() && !Objects.equals(token, lastHandled);
    }
}
