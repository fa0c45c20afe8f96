/**
 * Deterministic simulated clusters for testing the Day-2 controller, in packages that depend on each
 * other in one direction only:
 *
 * <ul>
 *   <li>{@code trace}: the JSON Lines trace of {@code trace.md} (lines, parsing, the clock lines are
 *       stamped with).</li>
 *   <li>{@code model}: the one model of each rule both engines play: Raft membership and elections
 *       ({@code RaftMembership}), the StatefulSet controller's OrderedReady creation and partition roll
 *       ({@code StatefulSetRules}), what a finished executor Job does ({@code ExecutorEffects}).</li>
 *   <li>{@code faults}: the faults a deterministic scenario injects.</li>
 *   <li>{@code world}: the deterministic engine: {@code SimWorld} (seeded, simulated time), the API
 *       server in front of it ({@code WorldApi}) and the driven ports over it ({@code SimulatedPorts}).</li>
 *   <li>{@code check}: the invariant checker, reading only a trace.</li>
 *   <li>{@code run}: scenarios run by the real {@code AdminOpsService} against a world, and the shrinker.</li>
 *   <li>{@code runtime}: the real-time engine over a Kubernetes API server (the sandbox and the acceptance
 *       tests).</li>
 * </ul>
 *
 * The same {@code Scenario} always gives the same trace bytes.
 */
package dev.raftops.simulator;
