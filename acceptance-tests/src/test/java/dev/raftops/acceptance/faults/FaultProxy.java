package dev.raftops.acceptance.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of one upstream address, written for the fault tests. Per
 * direction ({@link Direction}) it can delay every chunk, hold every byte for a while (a blackhole:
 * the bytes arrive once it ends, as TCP retransmission delivers them after a partition heals) or
 * until {@link #heal()} (cut off), and swallow a direction of the open connections without closing
 * them (half-open: the reader waits for bytes that never come, no FIN, no RST). It can reset every
 * open connection (RST to both ends) and drop a seeded share of new ones (accepted, then reset).
 * Every fault it plays is counted ({@link #faults()}).
 */
public final class FaultProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final Random random;
    private final Set<ProxiedLink> links = ConcurrentHashMap.newKeySet();
    private final Map<Direction, Long> delayMillis = new EnumMap<>(Map.of(Direction.UP, 0L, Direction.DOWN, 0L));
    private final Map<Direction, Long> heldUntilNanos = new EnumMap<>(Map.of(Direction.UP, 0L, Direction.DOWN, 0L));
    private final Map<String, AtomicInteger> faults = new ConcurrentHashMap<>();
    private volatile double dropShare;
    private volatile boolean cutOff;
    private final Thread acceptor;

    private FaultProxy(ServerSocket server, InetSocketAddress upstream, long seed) {
        this.server = server;
        this.upstream = upstream;
        this.random = new Random(seed);
        this.acceptor = new Thread(this::accept, "fault-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** A proxy on a free loopback port forwarding to {@code upstream}; its random choices follow {@code seed}. */
    public static FaultProxy start(InetSocketAddress upstream, long seed) {
        try {
            FaultProxy proxy = new FaultProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), upstream,
                    seed);
            proxy.acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://<loopback>:<port>}: what a client's kubeconfig names instead of the API server. */
    public String url() {
        return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    /** Every chunk travelling {@code direction} waits {@code delay} first (zero: no delay). */
    public void delay(Direction direction, Duration delay) {
        synchronized (delayMillis) {
            delayMillis.put(direction, delay.toMillis());
        }
        count("delay-" + direction);
    }

    /** Bytes travelling {@code direction} are held for {@code duration}, then delivered. */
    public void blackhole(Direction direction, Duration duration) {
        synchronized (heldUntilNanos) {
            heldUntilNanos.put(direction, System.nanoTime() + duration.toNanos());
        }
        count("blackhole-" + direction);
    }

    /** Both directions held until {@link #heal()}: the client is cut off from the server, nothing is closed. */
    public void cutOff() {
        cutOff = true;
        count("cut-off");
    }

    /** Ends a cut-off, the blackholes and the delays; half-open connections stay dead. */
    public void heal() {
        cutOff = false;
        synchronized (heldUntilNanos) {
            heldUntilNanos.replaceAll((d, t) -> 0L);
        }
        synchronized (delayMillis) {
            delayMillis.replaceAll((d, t) -> 0L);
        }
    }

    /** The open connections stop carrying {@code direction}, silently and for good; new ones are healthy. */
    public int halfOpen(Direction direction) {
        int n = 0;
        for (ProxiedLink link : links) {
            link.swallow(direction);
            n++;
        }
        faults.computeIfAbsent("half-open-" + direction, k -> new AtomicInteger()).addAndGet(n);
        return n;
    }

    /** Resets every open connection (RST to both ends); how many. */
    public int resetAll() {
        int n = 0;
        for (ProxiedLink link : links) {
            link.reset();
            n++;
        }
        faults.computeIfAbsent("reset", k -> new AtomicInteger()).addAndGet(n);
        return n;
    }

    /** From now on {@code share} (0 to 1, a seeded draw per connection) of the new connections are reset at once. */
    public void drop(double share) {
        dropShare = share;
    }

    /** How many faults of each kind were played so far. */
    public Map<String, Integer> faults() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        faults.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private void count(String kind) {
        faults.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                boolean drop;
                synchronized (random) {
                    drop = dropShare > 0 && random.nextDouble() < dropShare;
                }
                if (drop) {
                    count("dropped-connection");
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                Socket target = new Socket(upstream.getAddress(), upstream.getPort());
                ProxiedLink link = new ProxiedLink(client, target, this);
                links.add(link);
                link.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    count("accept-error");
                }
            }
        }
    }

    void closed(ProxiedLink link) {
        links.remove(link);
    }

    /** Waits while {@code direction} is held (a blackhole, a cut-off), then for its delay. */
    void gate(Direction direction) throws InterruptedException {
        while (cutOff || held(direction)) {
            Thread.sleep(10);
        }
        long delay;
        synchronized (delayMillis) {
            delay = delayMillis.get(direction);
        }
        if (delay > 0) {
            Thread.sleep(delay);
        }
    }

    private boolean held(Direction direction) {
        synchronized (heldUntilNanos) {
            return System.nanoTime() < heldUntilNanos.get(direction);
        }
    }

    /** Copies {@code in} to {@code out} through the gate of {@code direction}; false once it ended. */
    static void pump(FaultProxy proxy, ProxiedLink link, Direction direction, InputStream in, OutputStream out) {
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                proxy.gate(direction);
                if (link.swallowed(direction)) {
                    continue;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            link.endOf(direction);
        } catch (IOException | InterruptedException e) {
            link.close();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        links.forEach(ProxiedLink::close);
    }
}
