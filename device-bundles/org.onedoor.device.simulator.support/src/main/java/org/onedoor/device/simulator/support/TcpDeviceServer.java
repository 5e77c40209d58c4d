package org.onedoor.device.simulator.support;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A simulated device's TCP side: listens on a port (0 for a free one), serves each connection on
 * its own daemon thread, and can be switched off (stop listening, drop every connection) and on
 * again on the same port.
 */
public final class TcpDeviceServer {

    /** What a simulated device does with one connection; returns when the connection ends. */
    @FunctionalInterface
    public interface Connection {
        /**
         * @param client the connected socket; closed by the server afterwards
         * @throws IOException when the connection fails (the server just closes it)
         */
        void serve(Socket client) throws IOException;
    }

    private final InetAddress bind;
    private final String name;
    private final Connection connection;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile Thread acceptor;
    private volatile int port;

    /**
     * @param bind       the address to listen on
     * @param port       the port, 0 for a free one
     * @param name       names the threads, e.g. {@code led-simulator}
     * @param connection what to do with each connection
     */
    public TcpDeviceServer(InetAddress bind, int port, String name, Connection connection) {
        this.bind = bind;
        this.port = port;
        this.name = name;
        this.connection = connection;
    }

    /** Starts listening (again, on the same port after {@link #stop()}). */
    public synchronized void start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(bind, port));
        port = s.getLocalPort();
        server = s;
        Thread t = new Thread(() -> accept(s), name + "-" + port);
        t.setDaemon(true);
        t.start();
        acceptor = t;
    }

    /** Stops listening and drops every connection. */
    public synchronized void stop() {
        close(server);
        Thread t = acceptor;
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Socket c : clients) {
            close(c);
        }
        clients.clear();
    }

    /** @return the port it listens on (the free one chosen, after {@link #start()}) */
    public int port() {
        return port;
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket c = s.accept();
                clients.add(c);
                Thread t = new Thread(() -> serve(c), name + "-client-" + c.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket c) {
        try (c) {
            connection.serve(c);
        } catch (IOException e) {
            // switched off, or the client went away
        } finally {
            clients.remove(c);
        }
    }

    private static void close(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
