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
    final String mount;
    final String role;
    final Set<String> sealed = new HashSet<>();
    final ServedPods served;
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

    /** {@code served} null: the fixed {@code pods}, running {@code version}, sealed by {@link #seal}, logins with {@code jwt}. */
    private OpenBaoDouble(RaftCluster raft, List<String> pods, ServedPods served, String version, String mount,
            String role, String jwt) throws IOException {
        this.raft = raft;
        this.pods = List.copyOf(pods);
        this.served = served != null ? served : ServedPods.fixed(pods, sealed, version, jwt);
        this.mount = mount;
        this.role = role;
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
        OpenBaoDouble d = new OpenBaoDouble(raft, pods, null, version, mount, role, jwt);
        d.server.start();
        d.scheduler.scheduleAtFixedRate(d::tick, 100, 100, TimeUnit.MILLISECONDS);
        return d;
    }

    /**
     * Starts the double for the pods {@code served} names, as they answer now (a played runtime's
     * pods, their versions and faults), accepting at {@code auth/<mount>/login} for {@code role} the
     * tokens {@code served} accepts. It does not tick: the caller plays the Raft's progress.
     */
    public static OpenBaoDouble serve(RaftCluster raft, ServedPods served, String mount, String role)
            throws IOException {
        OpenBaoDouble d = new OpenBaoDouble(raft, List.of(), served, null, mount, role, null);
        d.server.start();
        return d;
    }

    /** Whether {@code pod} runs sealed now. */
    boolean sealed(String pod) {
        return served.answer(pod) == ServedPods.Answer.SEALED;
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

    /** Every pod of the fixed list the double answers for, servers or not (empty for {@link #serve}). */
    public List<String> pods() {
        return pods;
    }

    public RaftCluster raft() {
        return raft;
    }

    /** Not under the double's lock: a runtime sets faults while it holds its own lock. */
    public void faults(DoubleFaults faults) {
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
