/**
 * Blue/green cutover: a second StatefulSet (Green) joins the running Raft cluster (Blue), takes over
 * the votes and the traffic, and Blue is retired. {@link dev.raftops.domain.bluegreen.BlueGreenDecision#decide}
 * is the family's pure decision; everything an attempt knows lives in {@code status.blueGreen}
 * ({@link dev.raftops.domain.resource.BlueGreenStatus}).
 *
 * <h2>Steps</h2>
 * <ol>
 *   <li><b>Idle</b>: retire leftover revisioned workloads nobody selects; when {@code spec.version}
 *       drifted upward, the policy allows it and the target is not latched as failed, take the
 *       operation lock ({@code BlueGreen}, {@code raftcluster/bluegreen}) and freeze the target
 *       (version, image, replicas, auto-promote) with a new attempt id, in one status write and no
 *       other write.</li>
 *   <li><b>DeployingGreen</b>: Blue healthy (a Ready quorum and the one leader); optional
 *       pre-upgrade snapshot Job; create Green {@code <name>-<greenRevision>} with
 *       {@code joinRevision = blueRevision} (Green joins Blue's Raft as non-voters and never
 *       initialises its own); wait for every Green pod Ready, bounded by
 *       {@code timeouts.podReady} from Green's creation.</li>
 *   <li><b>JoiningMesh</b>: executor Job {@code join-green}.</li>
 *   <li><b>Syncing</b>: at least {@code verification.minSyncDuration}; Job {@code wait-synced};
 *       every Green pod within {@code maxLagEntries}; the optional pre-promotion hook Job; then
 *       promote automatically, or hold until a {@code promote} token when the attempt started
 *       with {@code autoPromote=false}.</li>
 *   <li><b>Promoting</b>: Job {@code promote-green} (Green voters).</li>
 *   <li><b>DemotingBlue</b>: all Green Ready; Job {@code demote-blue} (Blue non-voters, the
 *       Blue leader steps down); once a Green pod is the one leader, the client Services switch to
 *       Green ({@code SwitchTraffic}) in the decision that enters Cleanup.</li>
 *   <li><b>Cleanup</b> (point of no return): Job {@code remove-blue-peers}; delete Blue; when
 *       Blue's pods are gone, {@code blueRevision := greenRevision} and
 *       {@code currentVersion := greenVersion} in one status value, and the lock is released.</li>
 *   <li><b>RollingBack</b>: Job {@code repair-consensus} (Blue voters, Green non-voters); once a
 *       Blue pod leads, traffic back on Blue. <b>RollbackCleanup</b>: Job
 *       {@code remove-green-peers}; delete Green; Idle, the target latched, the lock released.</li>
 * </ol>
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>Phases move only along the edges named in {@link dev.raftops.domain.resource.BlueGreenPhase}
 *       (checked on every step by {@code BlueGreenDecisionPropertiesTest}).</li>
 *   <li>Every client Service selects the same revision at every step, and that workload exists:
 *       a colour is deleted only while no Service selects it; traffic moves to a colour only when
 *       one of its pods is the one leader.</li>
 *   <li>Before promotion a failure aborts (Green deleted, Idle); after promotion it rolls back;
 *       from Cleanup on nothing aborts or rolls back (a {@code rollback} token is refused with an
 *       Event, a failing Job is held for a person).</li>
 *   <li>Executor Jobs are named from (cluster, action, attempt id, revisions, run): an existing
 *       Job is this step's Job; a retry, a new attempt or an acknowledged break-glass gets a new
 *       name; a success is recorded in {@code completedSteps} and never run again.</li>
 *   <li>Failures count per phase up to {@code maxJobFailures} (with {@code autoRollback} on);
 *       otherwise the attempt holds for a {@code retry} or {@code rollback} token.</li>
 *   <li>Break-glass is entered only when a rollback Job fails, and left only by the exact nonce,
 *       which retries the rollback once under new Job names.</li>
 *   <li>The target is frozen at the start; a spec that describes another target unwinds the
 *       attempt (abort or rollback by phase) and does not latch. A failed target is latched in
 *       {@code failedTarget}: it does not start again until a {@code retry} token or a different
 *       target.</li>
 *   <li>The lock is held exactly while an attempt is in flight; downgrades, invalid versions and
 *       blocked upgrades never take it.</li>
 *   <li>Nothing is in flight exactly when the decision answers {@code Wake.Idle}, so the rolling and
 *       backup families run in the same pass.</li>
 * </ul>
 */
package dev.raftops.domain.bluegreen;
