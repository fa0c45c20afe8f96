package dev.raftops.acceptance.faults;

import dev.raftops.acceptance.RunProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One replica of the controller's Deployment: a Lease identity (the pod's name), its own
 * {@link FaultProxy} to the API server, and the process running now. Like the kubelet, the slot
 * starts the process again {@code restartDelay} after it ended (killed, or exited on a lost Lease);
 * each incarnation sends its own token ({@code <identity>-<n>}), so the audit tells them apart.
 */
public final class ControllerSlot implements AutoCloseable {

    private final String identity;
    private final FaultProxy proxy;
    private final String namespace;
    private final Path dir;
    private final List<String> args;
    private final long restartDelayMillis;
    private final List<RunProcess> incarnations = new ArrayList<>();
    private final Thread kubelet;
    private volatile boolean closing;
    private volatile boolean frozen;

    ControllerSlot(String identity, FaultProxy proxy, String namespace, Path dir, List<String> args,
            long restartDelayMillis) {
        this.identity = identity;
        this.proxy = proxy;
        this.namespace = namespace;
        this.dir = dir;
        this.args = List.copyOf(args);
        this.restartDelayMillis = restartDelayMillis;
        startIncarnation();
        this.kubelet = new Thread(this::restartWhenEnded, "kubelet-" + identity);
        kubelet.setDaemon(true);
        kubelet.start();
    }

    private synchronized void startIncarnation() {
        String token = identity + "-" + (incarnations.size() + 1);
        incarnations.add(RunProcess.start(identity, token, proxy.url(), namespace, dir, args));
    }

    private void restartWhenEnded() {
        while (!closing) {
            try {
                Thread.sleep(100);
                if (!current().alive() && !closing) {
                    Thread.sleep(restartDelayMillis);
                    if (!closing) {
                        startIncarnation();
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public String identity() {
        return identity;
    }

    public FaultProxy proxy() {
        return proxy;
    }

    /** The process running now (or the last one, if it ended and is not yet started again). */
    public synchronized RunProcess current() {
        return incarnations.get(incarnations.size() - 1);
    }

    /** The bearer token of the current incarnation. */
    public synchronized String token() {
        return identity + "-" + incarnations.size();
    }

    /** How many times the process was started. */
    public synchronized int incarnations() {
        return incarnations.size();
    }

    /** SIGSTOP of the current incarnation. */
    public void pause() throws java.io.IOException, InterruptedException {
        frozen = true;
        current().pause();
    }

    /** SIGCONT of the current incarnation. */
    public void resume() throws java.io.IOException, InterruptedException {
        current().resume();
        frozen = false;
    }

    /** SIGKILL of the current incarnation (the slot starts another after its restart delay). */
    public void kill() throws InterruptedException {
        current().kill();
    }

    /** Whether a process of this slot runs and is not paused: one that can renew a Lease. */
    public boolean running() {
        return !frozen && current().alive();
    }

    /** Whether the incarnation that sends {@code token} is a running process. */
    public synchronized boolean alive(String token) {
        for (int i = 0; i < incarnations.size(); i++) {
            if ((identity + "-" + (i + 1)).equals(token)) {
                return incarnations.get(i).alive();
            }
        }
        return false;
    }

    /** The last lines of every incarnation, for a failure message. */
    public synchronized String tails(int lines) {
        StringBuilder out = new StringBuilder();
        incarnations.forEach(p -> out.append(p.tail(lines)).append('\n'));
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        kubelet.interrupt();
        kubelet.join(2000);
        List<RunProcess> all;
        synchronized (this) {
            all = List.copyOf(incarnations);
        }
        for (RunProcess p : all) {
            if (p.alive()) {
                p.kill(); // the run is over: SIGKILL is quick, and reaches a paused process too
            }
        }
        proxy.close();
    }
}
