/** The JSON Lines trace every simulated run writes ({@code trace.md}), and the clock its lines are stamped with. */
package dev.raftops.simulator.trace;
