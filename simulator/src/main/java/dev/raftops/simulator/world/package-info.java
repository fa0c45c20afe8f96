/**
 * The deterministic engine: {@link dev.raftops.simulator.world.SimWorld} (one {@code RaftCluster}, its
 * workloads, pods, Raft and executor Jobs, single-threaded, seeded, in simulated time), the API server in
 * front of it ({@link dev.raftops.simulator.world.WorldApi}) and every driven port over it, where counted
 * faults strike ({@link dev.raftops.simulator.world.SimulatedPorts}).
 */
package dev.raftops.simulator.world;
