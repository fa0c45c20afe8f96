package dev.raftops.executor.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which snapshots to delete after a backup: keep the newest {@code maxCount}, delete those older
 * than {@code maxAge}, and never the one just written (it counts as one of the kept). Null limits
 * keep everything. A pure decision over a listing.
 */
public record Retention(Integer maxCount, Duration maxAge) {

    public boolean keepsAll() {
        return maxCount == null && maxAge == null;
    }

    public List<StoredObject> toDelete(List<StoredObject> objects, String justWritten, Instant now) {
        List<StoredObject> newestFirst = new ArrayList<>(objects);
        newestFirst.removeIf(o -> !o.key().endsWith(ObjectKey.SUFFIX));
        newestFirst.sort(Comparator.comparing(StoredObject::lastModified).thenComparing(StoredObject::key).reversed());
        List<StoredObject> out = new ArrayList<>();
        int kept = newestFirst.stream().anyMatch(o -> o.key().equals(justWritten)) ? 1 : 0;
        for (StoredObject o : newestFirst) {
            if (o.key().equals(justWritten)) {
                continue;
            }
            boolean tooOld = maxAge != null && o.lastModified().isBefore(now.minus(maxAge));
            boolean beyondCount = maxCount != null && kept >= maxCount;
            if (tooOld || beyondCount) {
                out.add(o);
            } else {
                kept++;
            }
        }
        return out;
    }
}
