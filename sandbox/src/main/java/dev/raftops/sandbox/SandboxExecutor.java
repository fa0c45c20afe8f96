package dev.raftops.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The executor side of a sandbox: the S3-compatible object store the Jobs write snapshots to
 * ({@link ObjectStore}) and the real executor that plays every Job ({@link InProcessExecutor}),
 * both in one temporary folder removed at the end.
 */
final class SandboxExecutor implements AutoCloseable {

    private final Path folder;
    private final CompletableFuture<ObjectStore> store;
    private final InProcessExecutor executor;

    private SandboxExecutor(Path folder, CompletableFuture<ObjectStore> store, InProcessExecutor executor) {
        this.folder = folder;
        this.store = store;
        this.executor = executor;
    }

    /** Starts the object store on a thread of its own (it takes a few seconds), so the API server and the controller start meanwhile. */
    static SandboxExecutor start() {
        Path folder;
        try {
            folder = Files.createTempDirectory("raftops-sandbox-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path under = folder.resolve("object-store");
        CompletableFuture<ObjectStore> store = CompletableFuture.supplyAsync(() -> ObjectStore.start(under));
        return new SandboxExecutor(folder, store, new InProcessExecutor(folder.resolve("jobs"), ObjectStore.CREDENTIALS));
    }

    /** The object store, once it started. */
    ObjectStore store() {
        return store.join();
    }

    InProcessExecutor executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.close();
        store.join().close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
