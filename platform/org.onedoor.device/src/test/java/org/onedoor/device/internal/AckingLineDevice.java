package org.onedoor.device.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A device on 127.0.0.1 for the outbox tests: receives one line per command, answers {@code K}
 * and records the line once the answer is sent; can be unplugged and plugged in again on the same port.
 */
public final class AckingLineDevice implements AutoCloseable {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile int port;

    AckingLineDevice plugIn() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = s.getLocalPort();
        server = s;
        Thread t = new Thread(() -> accept(s), "acking-line-device");
        t.setDaemon(true);
        t.start();
        return this;
    }

    int port() {
        return port;
    }

    List<String> received() {
        return received;
    }

    void unplug() throws IOException {
        server.close();
        for (Socket c : clients) {
            c.close();
        }
        clients.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket c = s.accept();
                clients.add(c);
                Thread t = new Thread(() -> serve(c), "acking-line-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket c) {
        try (c; BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = c.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("?")) {
                    out.write('S');
                    out.flush();
                    continue;
                }
                out.write('K');
                out.flush();
                received.add(line);
            }
        } catch (IOException e) {
            // unplugged
        }
    }

    @Override
    public void close() throws IOException {
        unplug();
    }
}
