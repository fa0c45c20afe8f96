package dev.raftops.simulator.world;

import dev.raftops.simulator.faults.Fault;
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
 * @param blueGreen the upgrade runs as a blue/green cutover with these settings; null = rolling
 * @param adoptedOnDelete the StatefulSet is adopted ({@code spec.workload.statefulSetRef}) and uses
 *     {@code updateStrategy: OnDelete}, as the OpenBao Helm chart renders it: raftops deletes its pods
 */
public record Scenario(int replicas, String fromVersion, String toVersion, int leader, long seed, List<Fault> faults,
        String brokenVersion, PodFailureMode failureMode, boolean autoRetry, boolean snapshot, Duration labelLag,
        Duration limit, BlueGreenRun blueGreen, boolean adoptedOnDelete) {

    /**
     * How a blue/green scenario is configured.
     *
     * @param autoPromote false: Green is held in sync until a simulated person sets a {@code promote} token
     * @param maxJobFailures {@code spec.upgrade.blueGreen.maxJobFailures}: 1 makes one failed Job unwind the attempt
     */
    public record BlueGreenRun(boolean autoPromote, int maxJobFailures) {
        public BlueGreenRun {
            if (maxJobFailures < 1) {
                throw new IllegalArgumentException("maxJobFailures must be at least 1");
            }
        }
    }

    /** A rolling scenario (the form every rolling test and benchmark uses). */
    public Scenario(int replicas, String fromVersion, String toVersion, int leader, long seed, List<Fault> faults,
            String brokenVersion, PodFailureMode failureMode, boolean autoRetry, boolean snapshot, Duration labelLag,
            Duration limit) {
        this(replicas, fromVersion, toVersion, leader, seed, faults, brokenVersion, failureMode, autoRetry, snapshot,
                labelLag, limit, null, false);
    }

    /** A scenario of a rendered StatefulSet. */
    public Scenario(int replicas, String fromVersion, String toVersion, int leader, long seed, List<Fault> faults,
            String brokenVersion, PodFailureMode failureMode, boolean autoRetry, boolean snapshot, Duration labelLag,
            Duration limit, BlueGreenRun blueGreen) {
        this(replicas, fromVersion, toVersion, leader, seed, faults, brokenVersion, failureMode, autoRetry, snapshot,
                labelLag, limit, blueGreen, false);
    }

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
                autoRetry, snapshot, labelLag, limit, blueGreen, adoptedOnDelete);
    }

    public Scenario withBrokenVersion(String version, PodFailureMode mode) {
        return new Scenario(replicas, fromVersion, toVersion, leader, seed, faults, version, mode, autoRetry, snapshot,
                labelLag, limit, blueGreen, adoptedOnDelete);
    }

    public Scenario withAutoRetry(boolean value) {
        return new Scenario(replicas, fromVersion, toVersion, leader, seed, faults, brokenVersion, failureMode, value,
                snapshot, labelLag, limit, blueGreen, adoptedOnDelete);
    }

    public Scenario withSnapshot(boolean value) {
        return new Scenario(replicas, fromVersion, toVersion, leader, seed, faults, brokenVersion, failureMode,
                autoRetry, value, labelLag, limit, blueGreen, adoptedOnDelete);
    }

    public Scenario withLabelLag(Duration value) {
        return new Scenario(replicas, fromVersion, toVersion, leader, seed, faults, brokenVersion, failureMode,
                autoRetry, snapshot, value, limit, blueGreen, adoptedOnDelete);
    }

    public Scenario withLimit(Duration value) {
        return new Scenario(replicas, fromVersion, toVersion, leader, seed, faults, brokenVersion, failureMode,
                autoRetry, snapshot, labelLag, value, blueGreen, adoptedOnDelete);
    }

    /** A fault-free blue/green cutover. */
    public static Scenario blueGreen(int replicas, String from, String to, int leader, long seed, BlueGreenRun run) {
        return new Scenario(replicas, from, to, leader, seed, List.of(), null, null, false, false, null, null, run);
    }

    public Scenario withBlueGreen(BlueGreenRun value) {
        return new Scenario(replicas, fromVersion, toVersion, leader, seed, faults, brokenVersion, failureMode,
                autoRetry, snapshot, labelLag, limit, value, adoptedOnDelete);
    }

    public Scenario withAdoptedOnDelete(boolean value) {
        if (value && blueGreen != null) {
            throw new IllegalArgumentException("an adopted StatefulSet is never upgraded blue/green");
        }
        return new Scenario(replicas, fromVersion, toVersion, leader, seed, faults, brokenVersion, failureMode,
                autoRetry, snapshot, labelLag, limit, blueGreen, value);
    }

    /** The one-line replay: everything needed to run this scenario again. */
    public String replay() {
        return "replicas=" + replicas + " from=" + fromVersion + " to=" + toVersion + " leader=" + leader + " seed="
                + seed + (brokenVersion == null ? "" : " broken=" + brokenVersion + "/" + failureMode)
                + (autoRetry ? " autoRetry" : "") + (snapshot ? " snapshot" : "")
                + (labelLag.isZero() ? "" : " labelLag=" + labelLag.toMillis() + "ms")
                + (adoptedOnDelete ? " adoptedOnDelete" : "")
                + (blueGreen == null ? "" : " blueGreen(autoPromote=" + blueGreen.autoPromote() + ",maxJobFailures="
                        + blueGreen.maxJobFailures() + ")") + " faults=["
                + faults.stream().map(Fault::describe).collect(Collectors.joining(",")) + "]";
    }
}
