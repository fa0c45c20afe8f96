/**
 * End-to-end runs (plain main classes, not JMH, not tests): the real controller in its own JVM
 * against the embedded fabric8 API server and the simulated cluster runtime, with every request
 * counted and timestamped at the server. {@link dev.raftops.benchmarks.endtoend.StepLatencyRun}
 * measures the controller-added latency per rolling step, requests per upgraded pod and steady-state
 * writes; {@link dev.raftops.benchmarks.endtoend.ScaleRun} measures convergence, CPU, heap and a
 * many-cluster upgrade at scale. How they time and count: docs/decisions/performance-end-to-end.md.
 */
package dev.raftops.benchmarks.endtoend;
