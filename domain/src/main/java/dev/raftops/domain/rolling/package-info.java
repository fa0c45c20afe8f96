/**
 * The rolling upgrade: StatefulSet partition, reverse ordinal, leader stepped down first.
 *
 * <h2>Steps</h2>
 * <ol>
 *   <li><b>Validate.</b> {@code spec.version} against {@code status.currentVersion}: invalid,
 *       downgrade, blocked major, blocked pre-release and image/version mismatch make no write but
 *       a condition and an Event.</li>
 *   <li><b>Gate.</b> A new upgrade needs every pod present, Ready and caught up, and exactly one
 *       leader (two leaders: split brain, break-glass).</li>
 *   <li><b>Lock.</b> The operation lock is acquired and persisted before any workload write.</li>
 *   <li><b>Start.</b> One patch sets {@code partition = replicas} and the template image, so
 *       nothing rolls before the partition is locked; then {@code status.upgrade} is written.</li>
 *   <li><b>Snapshot</b> (optional) before the first pod is touched; failures capped at 3.</li>
 *   <li><b>Per ordinal</b> {@code t = partition - 1}, highest first: a pod already on the update
 *       revision and caught up is recorded without a restart; otherwise every other voter must be
 *       Ready and caught up; a pod that leads or may lead (unknown) is asked to step down by a
 *       Job and released only once a fresh observation shows it a follower of a known leader
 *       (bounded by {@code timeouts.stepDown} from the Job's creation); the release lowers the
 *       partition by exactly one with the StatefulSet's resourceVersion as precondition; then the
 *       pod must run the update revision, Ready and caught up within {@code timeouts.podReady} of
 *       its release.</li>
 *   <li><b>Finish</b> when the StatefulSet has converged: {@code currentVersion = target} and
 *       {@code status.upgrade} cleared in one status value, the lock released.</li>
 * </ol>
 *
 * <h2>Shape</h2>
 * {@link dev.raftops.domain.rolling.RollingUpgrade} owns the order: the gates of authority, one
 * closed switch over {@code RollingPhase}, the lock, workload and template checks before every
 * running phase, and the retry. {@code PartitionRoll} alone decides which pod goes down and when.
 * Every step reads and answers through one {@code RollingPass}; none calls back up. Why the pods
 * roll is data, a {@link dev.raftops.domain.rolling.RollReason}: a new reason to roll is a record
 * there, not a code path (docs/decisions/rolling-one-owner.md).
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>At most one disruptive action per decision; never a release or delete while another voter
 *       is not Ready or lags.</li>
 *   <li>Never release the leader or a pod of unknown leadership when {@code replicas > 1}.</li>
 *   <li>The partition only decreases, by exactly one per release, highest ordinal first.</li>
 *   <li>Every decision can be replayed from persisted status after a crash: a finished pod is
 *       recognised, never restarted twice.</li>
 *   <li>A failure keeps all progress, records the first failure only and never rolls back; a
 *       {@code requests.retry} token resumes with a new attempt and fresh time budgets.</li>
 * </ul>
 */
package dev.raftops.domain.rolling;
