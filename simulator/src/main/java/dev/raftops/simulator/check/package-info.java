/**
 * The invariant checker: reads a trace line by line and reports violations of the Day-2 safety
 * invariants. It reads only the trace, never an engine, so it checks simulated and real runs alike.
 */
package dev.raftops.simulator.check;
