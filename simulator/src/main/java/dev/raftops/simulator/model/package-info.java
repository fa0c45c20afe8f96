/**
 * The one model of each rule of the simulated cluster, with no clock and no randomness of its own:
 * the deterministic world and the real-time runtime both play it. Raft membership and elections
 * ({@link dev.raftops.simulator.model.RaftMembership}), the StatefulSet controller's OrderedReady
 * creation and partition roll ({@link dev.raftops.simulator.model.StatefulSetRules}) and what a
 * finished executor Job does ({@link dev.raftops.simulator.model.ExecutorEffects}).
 */
package dev.raftops.simulator.model;
