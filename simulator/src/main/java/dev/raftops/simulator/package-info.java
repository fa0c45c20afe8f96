/**
 * Deterministic simulated clusters for testing the Day-2 controller.
 *
 * <h2>The model</h2>
 * <ul>
 *   <li>{@link dev.raftops.simulator.SimWorld}: one {@code RaftCluster}, its StatefulSet (RollingUpdate
 *       with a partition, OrderedReady: the highest out-of-date pod at or above the partition is
 *       deleted only when every pod is Ready; a pod deleted below the partition comes back at the
 *       current revision; a crash-looping pod stays until deleted; {@code currentRevision} becomes
 *       {@code updateRevision} once every replica is updated), pods (start-up delay, Ready, lag that
 *       shrinks after start-up, crash-loop, never-ready, terminating), Raft (voters, terms,
 *       elections among Ready voters, split brain) and executor Jobs.</li>
 *   <li>{@link dev.raftops.simulator.WorldApi}: the API server in front of it: resourceVersions,
 *       UID and resourceVersion preconditions (409 as {@code WriteResult.Conflict}), the status
 *       subresource as compare-and-set.</li>
 *   <li>{@link dev.raftops.simulator.SimulatedPorts}: every driven port over the world, where counted
 *       faults strike, so the real {@code AdminOpsService} runs inside.</li>
 * </ul>
 *
 * <h2>Running and checking</h2>
 * {@link dev.raftops.simulator.ScenarioRunner} alternates controller passes (honouring each
 * {@code ReconcileOutcome}'s wake-up in simulated time) with world events, writes the JSON Lines
 * trace of {@code trace.md} and feeds every line to {@link dev.raftops.simulator.InvariantChecker}.
 * {@link dev.raftops.simulator.FaultShrinker} reduces a failing scenario to a one-line replay.
 * The same {@link dev.raftops.simulator.Scenario} always gives the same trace bytes.
 */
package dev.raftops.simulator;
