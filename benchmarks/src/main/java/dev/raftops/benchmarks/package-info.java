/**
 * JMH micro-benchmarks of the pure Day-2 decisions and of SemVer, plus a single-threaded
 * simulated-upgrade throughput measurement. Inputs are recorded once per trial from seeded runs of
 * the decisions against small simulated worlds, so every benchmark decides over a state the
 * decision really reaches; the inputs are immutable records shared by all invocations.
 * Build and run: see {@code docs/performance.md}.
 */
package dev.raftops.benchmarks;
