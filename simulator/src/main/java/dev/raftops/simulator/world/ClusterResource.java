package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ForceRelease;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.simulator.model.Versions;
import dev.raftops.simulator.trace.Trace;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The simulated {@code RaftCluster} resource: spec, status, generation and resourceVersion. A spec
 * edit (a person's) moves generation and resourceVersion; the status subresource is a
 * compare-and-set on the resourceVersion. Every status change a checker reads is a {@code status} line.
 */
final class ClusterResource {

    private final ClusterKey key;
    private final Trace trace;
    private final Supplier<String> resourceVersions;
    private final Runnable changed;
    private ClusterSpec spec;
    private ClusterStatus status;
    private long generation = 1;
    private String resourceVersion;
    private String lastStatusSummary;

    ClusterResource(ClusterKey key, ClusterSpec spec, ClusterStatus status, Trace trace,
            Supplier<String> resourceVersions, Runnable changed) {
        this.key = key;
        this.spec = spec;
        this.status = status;
        this.trace = trace;
        this.resourceVersions = resourceVersions;
        this.changed = changed;
        this.resourceVersion = resourceVersions.get();
    }

    ClusterSpec spec() {
        return spec;
    }

    ClusterStatus status() {
        return status;
    }

    ClusterDocument read() {
        return new ClusterDocument(key, "uid-raftcluster", generation, resourceVersion, new SpecReading.Valid(spec),
                status);
    }

    WriteResult compareAndSetStatus(String expectedResourceVersion, ClusterStatus next) {
        if (!resourceVersion.equals(expectedResourceVersion)) {
            return new WriteResult.Conflict("RaftCluster " + key + " has resourceVersion " + resourceVersion
                    + ", not " + expectedResourceVersion);
        }
        status = next;
        resourceVersion = resourceVersions.get();
        traceStatus();
        return new WriteResult.Written(resourceVersion);
    }

    /** A person edits the spec ({@code request} and {@code field}/{@code value} name the edit in the trace). */
    void edit(UnaryOperator<ClusterSpec> edit, String request, String field, Supplier<String> value) {
        spec = edit.apply(spec);
        generation++;
        resourceVersion = resourceVersions.get();
        trace.write(trace.line("operator").put("request", request).put(field, value.get()));
        changed.run();
    }

    void requestVersion(String version) {
        edit(s -> s.withVersion(Versions.canonical(version), s.image()), "version", "version", () -> spec.version());
    }

    /** A person names another image for the version: {@code spec.image} set to {@code image}. */
    void requestImage(String image) {
        edit(s -> s.withVersion(s.version(), image), "image", "image", () -> image);
    }

    /** A person asks for a rolling restart: {@code spec.maintenance.restartAt} set to {@code at}. */
    void requestRestart(String at) {
        edit(s -> s.withMaintenance(s.maintenance().withRestartAt(at)), "restart", "restartAt", () -> at);
    }

    /** A person breaks the lock as it is now: {@code spec.operationLock.forceRelease} names its holder and epoch. */
    void requestForceRelease() {
        OperationLock lock = status.operationLock();
        if (lock.isHeld()) {
            ForceRelease request = new ForceRelease(lock.holder(), lock.epoch(), "simulated operator");
            edit(s -> s.withForceRelease(request), "force-release", "identity", request::identity);
        }
    }

    /** Writes a {@code status} trace line when a field the checkers read changed. */
    void traceStatus() {
        ClusterStatus s = status;
        String lock = s.operationLock().isHeld() ? s.operationLock().operation().name() : null;
        Integer partition = s.upgrade() == null ? null : s.upgrade().currentPartition();
        String blueGreen = s.blueGreen() == null ? null : s.blueGreen().phase().name();
        String failure = s.upgrade() == null || s.upgrade().failure() == null ? null : s.upgrade().failure().reason();
        String summary = s.phase() + "|" + s.currentVersion() + "|" + partition + "|" + lock + "|" + blueGreen + "|"
                + s.breakGlass().active() + "|" + failure;
        if (summary.equals(lastStatusSummary)) {
            return;
        }
        lastStatusSummary = summary;
        trace.write(trace.line("status").put("phase", s.phase().name()).put("currentVersion", s.currentVersion())
                .put("partition", partition).put("lock", lock).put("blueGreenPhase", blueGreen)
                .put("breakGlass", s.breakGlass().active()).put("failure", failure));
    }
}
