package dev.raftops.sandbox.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * Where the sandbox's logs go while it runs, so stdout carries only the view: the slf4j simple
 * logger, uncaught exceptions of other threads (both write to {@code System.err}) and
 * java.util.logging (the embedded API server's) are written to one file until {@link #close()}
 * puts everything back.
 */
final class SandboxLogFile implements AutoCloseable {

    private final Path path;
    private final PrintStream file;
    private final PrintStream stderr;
    private final Logger root = LogManager.getLogManager().getLogger("");
    private final Handler[] rootHandlers;
    private final StreamHandler handler;

    private SandboxLogFile(Path path) throws IOException {
        this.path = path;
        this.file = new PrintStream(new FileOutputStream(path.toFile()), true, StandardCharsets.UTF_8);
        this.stderr = System.err;
        this.rootHandlers = root.getHandlers();
        this.handler = new StreamHandler(file, new SimpleFormatter());
        for (Handler h : rootHandlers) {
            root.removeHandler(h);
        }
        root.addHandler(handler);
        System.setErr(file);
    }

    /** Sends the logs to {@code path} (created or overwritten) from now on. */
    static SandboxLogFile open(Path path) throws IOException {
        return new SandboxLogFile(path);
    }

    Path path() {
        return path;
    }

    /** The logs go where they went before; the file is closed. */
    @Override
    public void close() {
        System.setErr(stderr);
        handler.flush();
        root.removeHandler(handler);
        for (Handler h : rootHandlers) {
            root.addHandler(h);
        }
        file.close();
    }
}
