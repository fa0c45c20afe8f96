package dev.raftops.executor.action;

import dev.raftops.executor.ActionFailure;
import dev.raftops.executor.Environment;
import dev.raftops.executor.http.StallGuard;
import dev.raftops.executor.openbao.AutopilotServer;
import dev.raftops.executor.openbao.LeaderStatus;
import dev.raftops.executor.openbao.OpenBaoApi;
import dev.raftops.executor.storage.ObjectKey;
import dev.raftops.executor.storage.Retention;
import dev.raftops.executor.storage.SnapshotStore;
import dev.raftops.executor.storage.SnapshotStream;
import dev.raftops.executor.storage.StorageTarget;
import dev.raftops.executor.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code backup} and {@code pre-upgrade-snapshot}: the leader's snapshot streamed to
 * {@code <prefix>/<namespace>/<cluster>/<kind>/<window-or-attempt>.snap}. An object already there is
 * success without writing again. Then retention over that folder (backups only); a retention failure
 * is reported, it does not fail the backup.
 */
public record Snapshot(String name, String kind, String id, StorageTarget target, Retention retention) implements Action {

    /** A snapshot stream that sends nothing for this long has broken off. */
    static final Duration STALL = Duration.ofSeconds(30);

    static Snapshot from(String name, Environment env) {
        StorageTarget target = StorageTarget.from(env);
        if (name.equals("backup")) {
            String kind = env.required("RAFTOPS_SNAPSHOT_KIND");
            String window = env.required("RAFTOPS_BACKUP_WINDOW");
            long maxCount = env.number("RAFTOPS_RETENTION_MAX_COUNT", 0, 1);
            long maxAge = env.number("RAFTOPS_RETENTION_MAX_AGE_SECONDS", 0, 1);
            return new Snapshot(name, kind, window, target, new Retention(maxCount == 0 ? null : (int) maxCount,
                    maxAge == 0 ? null : Duration.ofSeconds(maxAge)));
        }
        Optional<String> attempt = env.optional("RAFTOPS_UPGRADE_ATTEMPT");
        String id = attempt.isPresent() ? env.required("RAFTOPS_UPGRADE_TARGET") + "-attempt-" + attempt.get()
                : env.optional("RAFTOPS_GREEN_REVISION").map(r -> "green-" + r).orElseThrow(() ->
                        ActionFailure.refused("RAFTOPS_UPGRADE_ATTEMPT is not set (nor RAFTOPS_GREEN_REVISION)"));
        return new Snapshot(name, env.optional("RAFTOPS_SNAPSHOT_KIND", "pre-upgrade"), id, target, new Retention(null, null));
    }

    @Override
    public String run(ActionContext c) {
        SnapshotStore store = c.store(target);
        String key = ObjectKey.of(target.prefix(), c.namespace(), c.cluster(), kind, id);
        c.facts().put("bucket", store.bucket());
        c.facts().put("objectKey", key);
        store.checkBucket();
        Optional<StoredObject> existing = store.head(key);
        String message;
        if (existing.isPresent()) {
            facts(c, existing.get());
            message = "snapshot " + key + " was already written; not written again";
        } else {
            message = write(c, store, key);
        }
        return message + retain(c, store, key);
    }

    private String write(ActionContext c, SnapshotStore store, String key) {
        OpenBaoApi api = c.api();
        String leader = c.leader();
        LeaderStatus indexes = api.leaderStatus(leader);
        String version = api.health(leader).version();
        Long term = term(c, leader);
        String staging = ObjectKey.clusterFolder(target.prefix(), c.namespace(), c.cluster()) + ".staging/"
                + kind + "-" + UUID.randomUUID() + ".partial";
        OpenBaoApi.Snapshot snap = api.snapshot(leader);
        c.log().info("streaming the snapshot from " + snap.pod() + " to " + store.bucket() + "/" + key);
        SnapshotStream body = new SnapshotStream(snap.body());
        long bytes;
        try (InputStream in = body;
                StallGuard guard = StallGuard.watch(body::bytes, STALL, c.deadline())) {
            bytes = store.stage(staging, in, guard::close);
        } catch (IOException e) {
            throw ActionFailure.retryable("closing the snapshot stream failed: " + e.getMessage(), e);
        }
        String sha256 = body.sha256();
        Optional<StoredObject> concurrent = store.head(key);
        if (concurrent.isPresent()) {
            store.discard(staging);
            facts(c, concurrent.get());
            return "snapshot " + key + " was written by a concurrent run of the same " + (name.equals("backup") ? "window" : "attempt");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("sha256", sha256);
        metadata.put("bytes", Long.toString(bytes));
        metadata.put("raft-index", Long.toString(indexes.appliedIndex()));
        if (term != null) {
            metadata.put("raft-term", Long.toString(term));
        }
        metadata.put("workload-version", version == null ? "" : version);
        metadata.put("kind", kind);
        metadata.put("cluster", c.cluster());
        metadata.put("namespace", c.namespace());
        store.publish(staging, key, metadata);
        facts(c, new StoredObject(key, bytes, c.clock().instant(), metadata));
        c.facts().put("servedBy", snap.pod());
        return "snapshot of " + bytes + " bytes at Raft index " + indexes.appliedIndex() + " written to " + key;
    }

    /** The leader's term from autopilot state, when the token may read it; null otherwise (not a failure). */
    private static Long term(ActionContext c, String leader) {
        try {
            AutopilotServer s = c.api().autopilot(leader).servers().get(leader);
            return s == null ? null : s.lastTerm();
        } catch (ActionFailure e) {
            c.log().info("no Raft term for the metadata: " + e.getMessage());
            return null;
        }
    }

    private static void facts(ActionContext c, StoredObject o) {
        c.facts().put("bytes", o.metadata().containsKey("bytes") ? Long.parseLong(o.metadata().get("bytes")) : o.size());
        c.facts().put("sha256", o.metadata().get("sha256"));
        c.facts().put("raftIndex", number(o.metadata().get("raft-index")));
        c.facts().put("raftTerm", number(o.metadata().get("raft-term")));
        c.facts().put("workloadVersion", o.metadata().get("workload-version"));
    }

    private static Long number(String s) {
        return s == null || s.isEmpty() ? null : Long.valueOf(s);
    }

    private String retain(ActionContext c, SnapshotStore store, String key) {
        if (retention.keepsAll()) {
            return "";
        }
        List<String> deleted = new ArrayList<>();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("deleted", deleted);
        c.facts().put("retention", report);
        try {
            String folder = ObjectKey.folder(target.prefix(), c.namespace(), c.cluster(), kind);
            for (StoredObject o : retention.toDelete(store.list(folder), key, c.clock().instant())) {
                store.delete(o.key());
                deleted.add(o.key());
            }
            return deleted.isEmpty() ? "" : "; retention deleted " + deleted.size();
        } catch (ActionFailure e) {
            report.put("error", e.getMessage());
            return "; retention failed: " + e.getMessage();
        }
    }
}
