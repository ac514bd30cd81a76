package dev.migrate.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between clients and a PostgreSQL server that a test can cut, as a network failure,
 * a load balancer's idle timeout or a failover does: both ends see their connection break while
 * neither closed it.
 */
public final class CuttableProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int serverPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private CuttableProxy(ServerSocket listener, int serverPort) {
        this.listener = listener;
        this.serverPort = serverPort;
    }

    /** Relays every connection made to {@link #port()} to the server on {@code serverPort} of this machine. */
    public static CuttableProxy to(int serverPort) {
        try {
            CuttableProxy proxy =
                    new CuttableProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), serverPort);
            Thread acceptor = new Thread(proxy::accept, "proxy-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                sockets.add(client);
                sockets.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread pump = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // cut
                    }
                },
                "proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    /** Breaks every connection relayed so far, at once; new connections are relayed again. */
    public void cut() {
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0); // a reset, not an orderly close
                socket.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }
}
