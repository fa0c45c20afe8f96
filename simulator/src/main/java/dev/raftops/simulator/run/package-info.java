/**
 * Runs a {@link dev.raftops.simulator.world.Scenario}: the real {@code AdminOpsService} alternates with
 * world events in simulated time, every trace line checked as it is written; the shrinker reduces a
 * failing scenario to a one-line replay.
 */
package dev.raftops.simulator.run;
