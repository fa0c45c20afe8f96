package dev.raftops.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one simulated run does: a cluster of {@code replicas} pods running {@code fromVersion} with
 * the leader at ordinal {@code leader}, asked to run {@code toVersion}, under {@code faults}.
 * Together with the seed it fixes the run completely: the same scenario gives the same trace bytes.
 *
 * @param brokenVersion pods of this version never become Ready ({@code failureMode}); null = none
 * @param autoRetry a simulated operator sets {@code spec.upgrade.requests.retry} when an upgrade fails
 * @param snapshot the spec asks for a pre-upgrade snapshot (and configures backups so it can be taken)
 * @param labelLag how long after a leadership change the pods' leader labels follow (zero: at once)
 * @param limit simulated time after which the run ends as {@code timeout}
 */
public record Scenario(int replicas, String fromVersion, String toVersion, int leader, long seed, List<Fault> faults,
        String brokenVersion, PodFailureMode failureMode, boolean autoRetry, boolean snapshot, Duration labelLag,
        Duration limit) {

    /** How a pod of a broken version misbehaves. */
    public enum PodFailureMode { CRASH_LOOP, NEVER_READY }

    public Scenario {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1");
        }
        if (leader < 0 || leader >= replicas) {
            throw new IllegalArgumentException("leader ordinal " + leader + " outside 0.." + (replicas - 1));
        }
        Objects.requireNonNull(fromVersion, "fromVersion");
        Objects.requireNonNull(toVersion, "toVersion");
        faults = faults == null ? List.of() : List.copyOf(faults);
        failureMode = failureMode == null ? PodFailureMode.CRASH_LOOP : failureMode;
        labelLag = labelLag == null ? Duration.ZERO : labelLag;
        limit = limit == null ? Duration.ofHours(1) : limit;
    }

    /** A fault-free rolling upgrade. */
    public static Scenario upgrade(int replicas, String from, String to, int leader, long seed) {
        return new Scenario(replicas, from, to, leader, seed, List.of(), null, null, false, false, null, null);
    }

    public Scenario withFaults(List<Fault> value) {
        return new Scenario(replicas, fromVersion, toVersion, leader, seed, value, brokenVersion, failureMode,
                autoRetry, snapshot, labelLag, limit);
    }

    public Scenario withBrokenVersion(String version, PodFailureMode mode) {
        return new Scenario(replicas, fromVersion, toVersion, leader, seed, faults, version, mode, autoRetry, snapshot,
                labelLag, limit);
    }

    public Scenario withAutoRetry(boolean value) {
        return new Scenario(replicas, fromVersion, toVersion, leader, seed, faults, brokenVersion, failureMode, value,
                snapshot, labelLag, limit);
    }

    public Scenario withSnapshot(boolean value) {
        return new Scenario(replicas, fromVersion, toVersion, leader, seed, faults, brokenVersion, failureMode,
                autoRetry, value, labelLag, limit);
    }

    public Scenario withLabelLag(Duration value) {
        return new Scenario(replicas, fromVersion, toVersion, leader, seed, faults, brokenVersion, failureMode,
                autoRetry, snapshot, value, limit);
    }

    public Scenario withLimit(Duration value) {
        return new Scenario(replicas, fromVersion, toVersion, leader, seed, faults, brokenVersion, failureMode,
                autoRetry, snapshot, labelLag, value);
    }

    /** The one-line replay: everything needed to run this scenario again. */
    public String replay() {
        return "replicas=" + replicas + " from=" + fromVersion + " to=" + toVersion + " leader=" + leader + " seed="
                + seed + (brokenVersion == null ? "" : " broken=" + brokenVersion + "/" + failureMode)
                + (autoRetry ? " autoRetry" : "") + (snapshot ? " snapshot" : "")
                + (labelLag.isZero() ? "" : " labelLag=" + labelLag.toMillis() + "ms") + " faults=["
                + faults.stream().map(Fault::describe).collect(Collectors.joining(",")) + "]";
    }
}
