package dev.raftops.domain.cluster;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Unmodifiable sorted copies, so values stay immutable and iteration stays ordered. */
final class Sorted {

    private Sorted() {
    }

    static <K, V> SortedMap<K, V> copyOf(Map<K, V> map) {
        return Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
    }
}
