/**
 * The {@code RaftCluster} resource as the decisions read and write it: the spec of the whole
 * cluster ({@link dev.raftops.domain.resource.ClusterSpec}, its upgrade, backup, maintenance and
 * executor parts) and its status ({@link dev.raftops.domain.resource.ClusterStatus}, with each
 * family's progress, break-glass and the lock), plus the names both sides share (revisions, executor
 * actions, the phase rule).
 *
 * <p>It sits below every decision family: {@code rolling}, {@code bluegreen}, {@code backup},
 * {@code gates} and {@code pass} depend on it, it depends only on the observed state
 * ({@code cluster}), {@code opslifecycle} and {@code version}. {@code ArchitectureTest} keeps it so.
 */
package dev.raftops.domain.resource;
