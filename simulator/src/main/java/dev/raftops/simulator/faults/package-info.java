/** The faults a deterministic scenario injects (docs/decisions/simulator-faults.md). */
package dev.raftops.simulator.faults;
