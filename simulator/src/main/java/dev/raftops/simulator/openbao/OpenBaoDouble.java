package dev.raftops.simulator.openbao;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * OpenBao's HTTP API for a simulated cluster, on loopback: pod {@code P} answers under
 * {@code http://127.0.0.1:<port>/P/v1/...}, so {@link #addressTemplate()} is what an executor's
 * {@code RAFTOPS_POD_ADDRESS} should be. Backed by a {@link RaftCluster} (the simulator's Raft model),
 * so the API and the simulated cluster never disagree. Pods that are not (yet) servers answer as
 * uninitialised nodes. Every 100 ms a tick commits an entry and lets lagging servers catch up.
 */
public final class OpenBaoDouble implements AutoCloseable {

    final RaftCluster raft;
    final List<String> pods;
    final String version;
    final String mount;
    final String role;
    final String jwt;
    final Set<String> sealed = new HashSet<>();
    final Set<String> tokens = new HashSet<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "openbao-double-tick");
        t.setDaemon(true);
        return t;
    });
    volatile DoubleFaults faults = DoubleFaults.none();
    volatile BiConsumer<String, String> beforeRequest = (pod, path) -> { };
    long restores;
    private final HttpServer server;

    private OpenBaoDouble(RaftCluster raft, List<String> pods, String version, String mount, String role, String jwt)
            throws IOException {
        this.raft = raft;
        this.pods = List.copyOf(pods);
        this.version = version;
        this.mount = mount;
        this.role = role;
        this.jwt = jwt;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", new DoubleRoutes(this));
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "openbao-double-http");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * Starts the double for {@code pods} (servers of {@code raft} or pods that may join), running
     * OpenBao {@code version}, accepting logins at {@code auth/<mount>/login} for {@code role} with {@code jwt}.
     */
    public static OpenBaoDouble start(RaftCluster raft, List<String> pods, String version, String mount, String role,
            String jwt) throws IOException {
        OpenBaoDouble d = new OpenBaoDouble(raft, pods, version, mount, role, jwt);
        d.server.start();
        d.scheduler.scheduleAtFixedRate(d::tick, 100, 100, TimeUnit.MILLISECONDS);
        return d;
    }

    private void tick() {
        synchronized (this) {
            if (raft.leader().isPresent()) {
                raft.advance(1, faults.catchUpPerTick());
            }
        }
    }

    /** {@code http://127.0.0.1:<port>/{pod}}: the executor appends {@code /v1/...}. */
    public String addressTemplate() {
        return base("{pod}");
    }

    public String base(String pod) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + pod;
    }

    /** Every pod the double answers for, servers or not. */
    public List<String> pods() {
        return pods;
    }

    public RaftCluster raft() {
        return raft;
    }

    public synchronized void faults(DoubleFaults faults) {
        this.faults = faults;
    }

    /** Seals {@code pod}: it answers 503 and takes no part in Raft until unsealed. */
    public synchronized void seal(String pod) {
        sealed.add(pod);
        raft.ready(pod, false);
    }

    public synchronized void unseal(String pod) {
        sealed.remove(pod);
        raft.ready(pod, true);
    }

    /** Every token issued so far stops working (expired or revoked): calls answer 403. */
    public synchronized void expireTokens() {
        tokens.clear();
    }

    /** Runs {@code hook} (pod, path) before each request is answered, under the double's lock. */
    public void beforeRequest(BiConsumer<String, String> hook) {
        this.beforeRequest = hook;
    }

    /** Requests seen, as {@code METHOD pod path}. */
    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    public synchronized long restores() {
        return restores;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        server.stop(0);
    }
}
