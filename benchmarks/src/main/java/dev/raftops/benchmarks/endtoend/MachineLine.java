package dev.raftops.benchmarks.endtoend;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine and its load, printed at the start and the end of every run. */
public final class MachineLine {

    private MachineLine() {
    }

    public static String now() {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            load = "unknown";
        }
        return "cores=" + Runtime.getRuntime().availableProcessors() + " java=" + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.runtime.version") + " driverMaxHeap="
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "MiB loadavg=" + load
                + " driverJvmArgs=" + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }
}
