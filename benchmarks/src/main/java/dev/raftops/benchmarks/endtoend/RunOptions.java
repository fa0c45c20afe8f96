package dev.raftops.benchmarks.endtoend;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code key=value} arguments of a run (end to end, or the elections run), with defaults; every value used is printed. */
public final class RunOptions {

    private final Map<String, String> given = new TreeMap<>();
    private final Map<String, String> used = new TreeMap<>();

    public RunOptions(String[] args) {
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got " + a);
            }
            given.put(a.substring(0, eq).replaceFirst("^--", ""), a.substring(eq + 1));
        }
    }

    public int integer(String key, int fallback) {
        return Integer.parseInt(string(key, String.valueOf(fallback)));
    }

    Duration millis(String key, long fallback) {
        return Duration.ofMillis(Long.parseLong(string(key, String.valueOf(fallback))));
    }

    public String string(String key, String fallback) {
        String value = given.getOrDefault(key, fallback);
        used.put(key, value);
        return value;
    }

    /** JVM options for the controller process, space-separated. */
    List<String> jvm(String key, String fallback) {
        String value = string(key, fallback).trim();
        return value.isEmpty() ? List.of() : Arrays.asList(value.split(" +"));
    }

    /**
     * Ends the reading of options: fails on an argument no option read (a typo would otherwise
     * silently use the default), then prints the options in force and the machine as the run starts.
     */
    public void begin() {
        for (String key : given.keySet()) {
            if (!used.containsKey(key)) {
                throw new IllegalArgumentException("unknown option " + key + "; known: " + used.keySet());
            }
        }
        System.out.println("options " + this);
        System.out.println("machine-start " + MachineLine.now());
    }

    @Override
    public String toString() {
        return used.toString();
    }
}
