package dev.raftops.domain.resource;

/**
 * {@code spec.operationLock.forceRelease}: a person's one-shot request to break the operation lock,
 * naming the holder and the epoch it breaks, so a request written against a lock that has since
 * moved on never breaks the next one. Handled once: {@code status.requests.lastHandledForceRelease}
 * records its {@link #identity()}, whether the lock was released or the request refused.
 *
 * @param epoch null when the request does not name one (it is then refused: the epoch is required)
 * @param requestedBy who asks, for the audit; free text, may be null
 */
public record ForceRelease(String holder, Long epoch, String requestedBy) {

    /** The request's identity: {@code <holder>@<epoch>}; one lock is broken at most once. */
    public String identity() {
        return holder + "@" + epoch;
    }

    /** Who asked, as the Event names it. */
    public String requester() {
        return requestedBy == null || requestedBy.isBlank() ? "an unnamed requester" : requestedBy;
    }
}
