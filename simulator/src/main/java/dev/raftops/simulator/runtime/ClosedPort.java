package dev.raftops.simulator.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port nothing listens on, where a pod whose API does not run "answers": a connection
 * to it is refused, as to a pod whose server is down. The port is held by a bound socket that never
 * listens (and does not allow reuse), so no other server can take it meanwhile.
 */
final class ClosedPort implements AutoCloseable {

    private final Socket socket = new Socket();

    ClosedPort() {
        try {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL of {@code pod} behind the closed port. */
    String base(String pod) {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + socket.getLocalPort() + "/" + pod;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing held any more
        }
    }
}
