/**
 * One Day-2 pass as a pure function: the gates (pause, break-glass acknowledgement, maintenance
 * marks), then each operation family in order ({@link dev.raftops.domain.pass.DayTwoPass}); and the
 * decision for a spec that does not map ({@link dev.raftops.domain.pass.InvalidSpec}). The service
 * in {@code ports} only reads, calls this, performs the actions and persists the status.
 */
package dev.raftops.domain.pass;
