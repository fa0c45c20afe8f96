package dev.raftops.acceptance.faults;

import java.io.IOException;
import java.net.Socket;
import java.util.EnumSet;
import java.util.Set;

/** One connection through a {@link FaultProxy}: the client's socket, the upstream's, a pump each way. */
final class ProxiedLink {

    private final Socket client;
    private final Socket upstream;
    private final FaultProxy proxy;
    private final Set<Direction> swallowed = EnumSet.noneOf(Direction.class);

    ProxiedLink(Socket client, Socket upstream, FaultProxy proxy) {
        this.client = client;
        this.upstream = upstream;
        this.proxy = proxy;
    }

    void start() throws IOException {
        Thread up = new Thread(() -> FaultProxy.pump(proxy, this, Direction.UP, streamIn(client), streamOut(upstream)),
                "proxy-up-" + client.getPort());
        Thread down = new Thread(() -> FaultProxy.pump(proxy, this, Direction.DOWN, streamIn(upstream),
                streamOut(client)), "proxy-down-" + client.getPort());
        up.setDaemon(true);
        down.setDaemon(true);
        up.start();
        down.start();
    }

    private static java.io.InputStream streamIn(Socket socket) {
        try {
            return socket.getInputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.io.OutputStream streamOut(Socket socket) {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    synchronized void swallow(Direction direction) {
        swallowed.add(direction);
    }

    synchronized boolean swallowed(Direction direction) {
        return swallowed.contains(direction);
    }

    /** The sender of {@code direction} closed its side: pass the FIN on, unless that direction is swallowed. */
    void endOf(Direction direction) {
        if (swallowed(direction)) {
            return;
        }
        try {
            (direction == Direction.UP ? upstream : client).shutdownOutput();
        } catch (IOException e) {
            close();
        }
    }

    /** RST to both ends. */
    void reset() {
        try {
            client.setSoLinger(true, 0);
            upstream.setSoLinger(true, 0);
        } catch (IOException e) {
            // closing anyway
        }
        close();
    }

    void close() {
        try {
            client.close();
        } catch (IOException e) {
            // the other one still
        }
        try {
            upstream.close();
        } catch (IOException e) {
            // both closed now
        }
        proxy.closed(this);
    }
}
