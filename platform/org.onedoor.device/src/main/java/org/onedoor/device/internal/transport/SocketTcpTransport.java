package org.onedoor.device.internal.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.onedoor.api.device.TcpLink;
import org.onedoor.api.device.TcpTransport;
import org.osgi.service.component.annotations.Component;

/** The node's TCP transport: plain blocking sockets with connect and read timeouts. */
@Component(service = TcpTransport.class)
public final class SocketTcpTransport implements TcpTransport {

    @Override
    public TcpLink open(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return new SocketLink(socket, host + ":" + port);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void close(TcpLink link) {
        if (link instanceof SocketLink s) {
            s.close();
        }
    }

    /** One open socket. */
    private static final class SocketLink implements TcpLink {

        private final Socket socket;
        private final String remote;
        private final InputStream in;
        private final OutputStream out;

        SocketLink(Socket socket, String remote) throws IOException {
            this.socket = socket;
            this.remote = remote;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        @Override
        public byte[] read(int count, Duration timeout) throws IOException {
            byte[] buffer = new byte[count];
            long deadline = System.nanoTime() + timeout.toNanos();
            int read = 0;
            while (read < count) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException("no answer from " + remote + " within " + timeout.toMillis() + " ms");
                }
                socket.setSoTimeout((int) left);
                int n;
                try {
                    n = in.read(buffer, read, count - read);
                } catch (SocketTimeoutException e) {
                    throw new SocketTimeoutException("no answer from " + remote + " within " + timeout.toMillis() + " ms");
                }
                if (n < 0) {
                    throw new EOFException(remote + " closed the connection");
                }
                read += n;
            }
            return buffer;
        }

        @Override
        public void drain() throws IOException {
            int available = in.available();
            if (available > 0) {
                in.readNBytes(available);
            }
        }

        @Override
        public String remote() {
            return remote;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken socket has nothing more to report
            }
        }
    }
}
