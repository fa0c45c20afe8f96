package dev.raftops.executor.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionTest {

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    static StoredObject snap(String name, Duration age) {
        return new StoredObject("p/ns/c/scheduled/" + name + ".snap", 10, NOW.minus(age), Map.of());
    }

    @Test
    void noObjectsDeleteNothing() {
        assertThat(new Retention(1, Duration.ofDays(1)).toDelete(List.of(), "p/ns/c/scheduled/x.snap", NOW)).isEmpty();
    }

    @Test
    void theOnlyObjectIsKeptEvenPastItsMaxAgeWhenJustWritten() {
        StoredObject only = snap("x", Duration.ofDays(30));
        assertThat(new Retention(1, Duration.ofDays(1)).toDelete(List.of(only), only.key(), NOW)).isEmpty();
    }

    @Test
    void manyObjectsKeepTheNewestMaxCountCountingTheOneJustWritten() {
        List<StoredObject> objects = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            objects.add(snap("w" + i, Duration.ofHours(i)));
        }
        List<StoredObject> deleted = new Retention(3, null).toDelete(objects, objects.get(0).key(), NOW);
        assertThat(deleted).extracting(StoredObject::key).containsExactly(objects.get(3).key(), objects.get(4).key(),
                objects.get(5).key());
    }

    @Test
    void objectsOlderThanMaxAgeAreDeletedButNeverTheOneJustWritten() {
        StoredObject justWritten = snap("old-window-rerun", Duration.ofDays(10));
        StoredObject fresh = snap("fresh", Duration.ofHours(1));
        StoredObject stale = snap("stale", Duration.ofDays(3));
        List<StoredObject> deleted = new Retention(null, Duration.ofDays(2)).toDelete(List.of(justWritten, fresh, stale),
                justWritten.key(), NOW);
        assertThat(deleted).containsExactly(stale);
    }

    @Test
    void keysThatAreNotSnapshotsAreLeftAlone() {
        StoredObject marker = new StoredObject("p/ns/c/scheduled/", 0, NOW.minus(Duration.ofDays(9)), Map.of());
        assertThat(new Retention(1, Duration.ofDays(1)).toDelete(List.of(marker), "k.snap", NOW)).isEmpty();
    }
}
