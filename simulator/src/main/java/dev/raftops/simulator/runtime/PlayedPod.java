package dev.raftops.simulator.runtime;

import java.time.Instant;
import java.util.Map;

/** A pod a {@link PlayedStatefulSet} created and has not yet seen go. */
final class PlayedPod {
    final String uid;
    final int ordinal;
    final String revision;
    final String version;
    final Instant createdAt;
    Instant readyAt;
    /** When its container last restarted after a crash (null: never); it is Ready a ready delay later. */
    Instant restartedAt;
    long lag = 1000;
    /** The leader label last written ({@code "false"} at creation). */
    String label = "false";
    /** How its OpenBao API answers while it runs (an {@code api-*} fault changes it). */
    dev.raftops.simulator.openbao.ServedPods.Answer api = dev.raftops.simulator.openbao.ServedPods.Answer.SERVING;
    /** The Raft annotations last written (null: write them again). */
    Map<String, String> member;

    PlayedPod(String uid, int ordinal, String revision, String version, Instant createdAt) {
        this.uid = uid;
        this.ordinal = ordinal;
        this.revision = revision;
        this.version = version;
        this.createdAt = createdAt;
    }
}
