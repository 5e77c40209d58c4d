package org.onedoor.device.locker.lockboard.simulator;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.onedoor.device.simulator.support.TcpDeviceServer;

/**
 * A locker controller board of N doors. Frames are five bytes: {@code 8A addr door 11 chk} opens
 * a door, {@code 80 addr door 33 chk} asks its state; {@code chk} is the XOR of the first four.
 * The board answers {@code head addr door state chk}, where the state byte of an open door is
 * {@code 11} and of a closed one {@code 00} ("open-high"), or the reverse ("open-low").
 * Frames with a bad checksum, another address or a door out of range get no answer.
 */
public final class LockerBoardSimulator implements AutoCloseable {

    private final int address;
    private final int doors;
    private final boolean openHigh;
    private final TcpDeviceServer server;
    private final Set<Integer> open = ConcurrentHashMap.newKeySet();
    private final Set<Integer> jammed = ConcurrentHashMap.newKeySet();
    private final List<String> frames = new CopyOnWriteArrayList<>();

    /**
     * @param port     TCP port of the serial bridge, 0 for a free one
     * @param address  the board's address, 1 to 255
     * @param doors    how many doors, 1 to 100
     * @param openHigh true when an open door is reported as {@code 11}, false when as {@code 00}
     */
    public LockerBoardSimulator(int port, int address, int doors, boolean openHigh) {
        this(InetAddress.getLoopbackAddress(), port, address, doors, openHigh);
    }

    LockerBoardSimulator(InetAddress bind, int port, int address, int doors, boolean openHigh) {
        this.server = new TcpDeviceServer(bind, port, "locker-simulator", this::serve);
        this.address = address;
        this.doors = doors;
        this.openHigh = openHigh;
    }

    /** Starts listening (again, on the same port after {@link #stop()}). */
    public LockerBoardSimulator start() throws IOException {
        server.start();
        return this;
    }

    /** Switches the bridge off: stops listening and drops every connection; doors keep their state. */
    public void stop() {
        server.stop();
    }

    /** @return the bridge's port */
    public int port() {
        return server.port();
    }

    /** @return whether the door is open */
    public boolean isOpen(int door) {
        return open.contains(door);
    }

    /** A citizen or clerk shuts the door by hand. */
    public void closeByHand(int door) {
        open.remove(door);
    }

    /** @param door a door whose lock no longer releases */
    public void jam(int door) {
        jammed.add(door);
    }

    /** @return every frame received as hex, e.g. {@code 8A 01 03 11 99}, in order */
    public List<String> frames() {
        return new ArrayList<>(frames);
    }

    private void serve(Socket c) throws IOException {
        DataInputStream in = new DataInputStream(c.getInputStream());
        OutputStream out = c.getOutputStream();
        byte[] f = new byte[5];
        while (true) {
            int head = in.read();
            if (head < 0) {
                return;
            }
            if (head != 0x8A && head != 0x80) {
                continue;
            }
            f[0] = (byte) head;
            in.readFully(f, 1, 4);
            frames.add(String.format("%02X %02X %02X %02X %02X", f[0], f[1], f[2], f[3], f[4]));
            handle(f, out);
        }
    }

    private void handle(byte[] f, OutputStream out) throws IOException {
        int head = f[0] & 0xFF;
        int addr = f[1] & 0xFF;
        int door = f[2] & 0xFF;
        int function = f[3] & 0xFF;
        int chk = (f[0] ^ f[1] ^ f[2] ^ f[3]) & 0xFF;
        if (chk != (f[4] & 0xFF) || addr != address || door < 1 || door > doors) {
            return;
        }
        if (head == 0x8A && function == 0x11) {
            if (!jammed.contains(door)) {
                open.add(door);
            }
        } else if (!(head == 0x80 && function == 0x33)) {
            return;
        }
        int state = open.contains(door) == openHigh ? 0x11 : 0x00;
        byte[] reply = {(byte) head, (byte) addr, (byte) door, (byte) state, 0};
        reply[4] = (byte) (reply[0] ^ reply[1] ^ reply[2] ^ reply[3]);
        out.write(reply);
        out.flush();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Runs a board and prints the doors that are open every second.
     *
     * @param args optional port (default 4002), doors (default 24), polarity open-high or open-low
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4002;
        int doors = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        boolean high = args.length < 3 || !args[2].equals("open-low");
        LockerBoardSimulator board = new LockerBoardSimulator(InetAddress.getByName("0.0.0.0"), port, 1, doors, high);
        board.start();
        System.out.println("Locker board simulator, address 1, " + doors + " doors, on port " + board.port());
        String last = "";
        while (true) {
            Thread.sleep(1000);
            String now = "open doors: " + new java.util.TreeSet<>(board.open);
            if (!now.equals(last)) {
                System.out.println(now);
                last = now;
            }
        }
    }
}
