package org.onedoor.device.led.stx.simulator;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.onedoor.device.simulator.support.TcpDeviceServer;

/**
 * LED caller display boards on one RS-485 bus behind a TCP serial bridge. Frames are
 * {@code STX addr cmd len payload chk ETX}; a board that owns the address answers
 * {@code STX addr 06 00 chk ETX} (ACK) or {@code STX addr 15 01 code chk ETX} (NAK: 01 checksum,
 * 02 unknown command, 03 text too long); no board answers a frame for another address.
 */
public final class LedBoardSimulator implements AutoCloseable {

    /** Longest payload a board accepts, in bytes. */
    public static final int MAX_PAYLOAD = 64;

    private final Set<Integer> addresses;
    private final Checksum checksum;
    private final TcpDeviceServer server;
    private final Map<Integer, String> shown = new ConcurrentHashMap<>();
    private final List<BoardFrame> frames = new CopyOnWriteArrayList<>();

    /**
     * @param port      TCP port of the serial bridge, 0 for a free one
     * @param checksum  the vendor's checksum
     * @param addresses the addresses of the boards on the bus, 1 to 254
     */
    public LedBoardSimulator(int port, Checksum checksum, Set<Integer> addresses) {
        this(InetAddress.getLoopbackAddress(), port, checksum, addresses);
    }

    LedBoardSimulator(InetAddress bind, int port, Checksum checksum, Set<Integer> addresses) {
        this.server = new TcpDeviceServer(bind, port, "led-simulator", this::serve);
        this.checksum = checksum;
        this.addresses = Set.copyOf(addresses);
    }

    /** Starts listening (again, on the same port after {@link #stop()}). */
    public LedBoardSimulator start() throws IOException {
        server.start();
        return this;
    }

    /** Switches the bridge off: stops listening and drops every connection. */
    public void stop() {
        server.stop();
    }

    /** @return the bridge's port */
    public int port() {
        return server.port();
    }

    /** @return what the board of this address shows, if it was told anything */
    public Optional<String> shown(int address) {
        return Optional.ofNullable(shown.get(address));
    }

    /** @return every frame received, in order, including bad ones */
    public List<BoardFrame> frames() {
        return new ArrayList<>(frames);
    }

    private void serve(Socket c) throws IOException {
        DataInputStream in = new DataInputStream(c.getInputStream());
        OutputStream out = c.getOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            if (b != 0x02) {
                continue;
            }
            byte[] head = new byte[3];
            in.readFully(head);
            int length = head[2] & 0xFF;
            byte[] frame = new byte[3 + length];
            System.arraycopy(head, 0, frame, 0, 3);
            in.readFully(frame, 3, length);
            int chk = in.readUnsignedByte();
            int etx = in.readUnsignedByte();
            handle(frame, chk, etx, out);
        }
    }

    private void handle(byte[] frame, int chk, int etx, OutputStream out) throws IOException {
        int address = frame[0] & 0xFF;
        int command = frame[1] & 0xFF;
        int length = frame[2] & 0xFF;
        boolean ok = etx == 0x03 && checksum.over(frame, 0, frame.length) == chk;
        String text = new String(frame, 3, length, BoardFrame.GB18030);
        frames.add(new BoardFrame(address, command, text, ok));
        if (!addresses.contains(address)) {
            return;
        }
        if (!ok) {
            reply(out, address, 0x15, 0x01);
        } else if (length > MAX_PAYLOAD) {
            reply(out, address, 0x15, 0x03);
        } else if (command == 0x30) {
            reply(out, address, 0x06, -1);
        } else if (command == 0x31 || command == 0x32) {
            shown.put(address, text);
            reply(out, address, 0x06, -1);
        } else {
            reply(out, address, 0x15, 0x02);
        }
    }

    private void reply(OutputStream out, int address, int code, int detail) throws IOException {
        byte[] body = detail < 0 ? new byte[] {(byte) address, (byte) code, 0} : new byte[] {(byte) address, (byte) code, 1, (byte) detail};
        byte[] frame = new byte[body.length + 3];
        frame[0] = 0x02;
        System.arraycopy(body, 0, frame, 1, body.length);
        frame[body.length + 1] = (byte) checksum.over(body, 0, body.length);
        frame[body.length + 2] = 0x03;
        out.write(frame);
        out.flush();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Runs a bus and prints what each board shows.
     *
     * @param args optional port (default 4001), checksum (XOR or SUM8, default XOR), addresses (default 1-8)
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4001;
        Checksum sum = args.length > 1 ? Checksum.valueOf(args[1]) : Checksum.XOR;
        LedBoardSimulator bus = new LedBoardSimulator(InetAddress.getByName("0.0.0.0"), port, sum, Set.of(1, 2, 3, 4, 5, 6, 7, 8));
        bus.start();
        System.out.println("LED bus simulator (" + sum + ") on port " + bus.port() + ", boards 1-8");
        int seen = 0;
        while (true) {
            Thread.sleep(200);
            List<BoardFrame> all = bus.frames();
            for (BoardFrame f : all.subList(seen, all.size())) {
                System.out.printf("board %d cmd %02X %s%s%n", f.address(), f.command(), f.text(), f.checksumOk() ? "" : " (bad checksum)");
            }
            seen = all.size();
        }
    }
}
