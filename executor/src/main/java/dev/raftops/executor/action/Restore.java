package dev.raftops.executor.action;

import dev.raftops.executor.ActionFailure;
import dev.raftops.executor.Environment;
import dev.raftops.executor.openbao.LeaderStatus;
import dev.raftops.executor.storage.ObjectKey;
import dev.raftops.executor.storage.SnapshotStore;
import dev.raftops.executor.storage.SnapshotStream;
import dev.raftops.executor.storage.StorageTarget;
import dev.raftops.executor.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.util.Comparator;
import java.util.Optional;

/**
 * {@code restore}: the named object ({@code RAFTOPS_RESTORE_OBJECT}) or the cluster's newest, its
 * SHA-256 verified in a first streamed read, then streamed again to the leader's
 * {@code POST /v1/sys/storage/raft/snapshot} ({@code snapshot-force} only with
 * {@code RAFTOPS_RESTORE_FORCE=true}); done when a leader reports an applied index at least the
 * snapshot's. Two reads keep memory constant and need no disk. With {@code RAFTOPS_RESTORE_SHA256}
 * (the checksum the controller recorded for the backup) the object's metadata and its bytes must
 * both match that value, so an object replaced with bytes and metadata of its own is refused too.
 */
public record Restore(StorageTarget target, Optional<String> object, boolean force, Optional<String> recorded)
        implements Action {

    static Restore from(Environment env) {
        return new Restore(StorageTarget.from(env), env.optional("RAFTOPS_RESTORE_OBJECT"),
                env.flag("RAFTOPS_RESTORE_FORCE", false), env.optional("RAFTOPS_RESTORE_SHA256"));
    }

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String run(ActionContext c) {
        SnapshotStore store = c.store(target);
        store.checkBucket();
        String folder = ObjectKey.clusterFolder(target.prefix(), c.namespace(), c.cluster());
        String key = object.orElseGet(() -> store.list(folder).stream().filter(o -> o.key().endsWith(ObjectKey.SUFFIX))
                .filter(o -> !o.key().contains("/.staging/"))
                .max(Comparator.comparing(StoredObject::lastModified).thenComparing(StoredObject::key))
                .map(StoredObject::key)
                .orElseThrow(() -> ActionFailure.refused("no snapshot under " + store.bucket() + "/" + folder + " to restore")));
        c.facts().put("objectKey", key);
        StoredObject stored = store.head(key).orElseThrow(() ->
                ActionFailure.refused("object " + store.bucket() + "/" + key + " does not exist"));
        String expected = stored.metadata().get("sha256");
        if (expected == null || expected.isEmpty()) {
            throw ActionFailure.refused("object " + key + " carries no sha256 metadata; not restoring an unverified snapshot");
        }
        if (recorded.isPresent() && !recorded.get().equalsIgnoreCase(expected)) {
            throw ActionFailure.refused("object " + key + " says SHA-256 " + expected + ", the backup recorded "
                    + recorded.get() + "; not restoring a replaced snapshot");
        }
        long index = Long.parseLong(stored.metadata().getOrDefault("raft-index", "0"));
        c.facts().put("sha256", expected);
        c.facts().put("snapshotIndex", index);
        String read = digest(store, key);
        if (!read.equals(expected)) {
            throw ActionFailure.refused("object " + key + " has SHA-256 " + read + ", its metadata says " + expected
                    + "; not restoring a corrupted snapshot");
        }
        String leader = c.leader();
        c.log().info("restoring " + key + " (verified) through " + leader + (force ? " with snapshot-force" : ""));
        SnapshotStream again = new SnapshotStream(store.open(key));
        try (InputStream in = again) {
            c.api().restore(leader, HttpRequest.BodyPublishers.ofInputStream(() -> in), force);
        } catch (IOException e) {
            throw ActionFailure.retryable("reading " + key + " failed: " + e.getMessage(), e);
        }
        c.facts().put("bytes", again.bytes());
        if (!again.sha256().equals(expected)) {
            // OpenBao checks the archive's own checksums too; this says the object changed under us
            throw ActionFailure.refused("object " + key + " changed while it was restored (SHA-256 " + again.sha256()
                    + " streamed, " + expected + " verified); check the cluster and restore again");
        }
        LeaderStatus reached = c.until("a leader reports an applied index of at least " + index,
                () -> c.api().leader().map(c.api()::leaderStatus).filter(s -> s.appliedIndex() >= index));
        c.facts().put("leader", reached.pod());
        c.facts().put("indexReached", reached.appliedIndex());
        return "restored " + key + "; " + reached.pod() + " leads at applied index " + reached.appliedIndex();
    }

    private static String digest(SnapshotStore store, String key) {
        SnapshotStream s = new SnapshotStream(store.open(key));
        try (s) {
            s.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw ActionFailure.retryable("downloading " + key + " to verify it failed: " + e.getMessage(), e);
        }
        return s.sha256();
    }
}
