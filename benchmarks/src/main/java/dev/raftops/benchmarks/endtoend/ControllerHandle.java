package dev.raftops.benchmarks.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The driver's side of a {@link ControllerProcess}: starts it, asks it for samples, stops it. */
final class ControllerHandle implements AutoCloseable {

    /** One answer of the controller process. */
    record Sample(boolean ready, long cpuNanos, long heapUsed, long heapCommitted, long adminPasses,
            long workloadPasses, int threads) {
        static Sample parse(String line) {
            String[] f = line.trim().split(" ");
            return new Sample(Boolean.parseBoolean(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Integer.parseInt(f[6]));
        }
    }

    private final Process process;
    private final PrintWriter out;
    private final BufferedReader in;

    private ControllerHandle(Process process) {
        this.process = process;
        this.out = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the controller with the benchmark jar's classpath, JVM options {@code jvm}, logging to {@code log}. */
    static ControllerHandle start(String masterUrl, String namespace, int workers, List<String> jvm, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ControllerProcess.class.getName());
        command.add(masterUrl);
        command.add(namespace);
        command.add(String.valueOf(workers));
        try {
            if (log.toAbsolutePath().getParent() != null) {
                java.nio.file.Files.createDirectories(log.toAbsolutePath().getParent());
            }
            return new ControllerHandle(new ProcessBuilder(command).redirectError(log.toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized Sample ask(String command) {
        out.println(command);
        try {
            String line = in.readLine();
            if (line == null) {
                throw new IllegalStateException("controller process ended; exit " + process.waitFor());
            }
            return Sample.parse(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Sample sample() {
        return ask("sample");
    }

    /** A sample taken right after two full collections: the heap the controller keeps. */
    Sample afterGc() {
        return ask("gc");
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        out.println("quit");
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
