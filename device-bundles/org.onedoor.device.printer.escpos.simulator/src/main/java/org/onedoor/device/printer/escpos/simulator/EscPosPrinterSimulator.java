package org.onedoor.device.printer.escpos.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.onedoor.device.simulator.support.TcpDeviceServer;

/**
 * A receipt printer on raw TCP (as on port 9100): decodes what it receives into receipts and
 * answers {@code DLE EOT} status queries; can be told to fail. One thread per connection.
 */
public final class EscPosPrinterSimulator implements AutoCloseable {

    private static final int ONLINE = 0x16;
    private static final int OFFLINE = 0x1E;
    private static final int PAPER_PRESENT = 0x12;
    private static final int PAPER_END = 0x72;

    private final TcpDeviceServer server;
    private final List<PrintedReceipt> receipts = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<PrintedReceipt> fresh = new LinkedBlockingQueue<>();
    private final List<Consumer<PrintedReceipt>> watchers = new CopyOnWriteArrayList<>();
    private volatile boolean paperOut;
    private volatile long answerDelayMillis;
    private volatile int dropAfterBytes = -1;

    /** @param port the TCP port to listen on, 0 for a free one */
    public EscPosPrinterSimulator(int port) {
        this(InetAddress.getLoopbackAddress(), port);
    }

    /**
     * @param address the address to listen on
     * @param port    the TCP port, 0 for a free one
     */
    public EscPosPrinterSimulator(InetAddress address, int port) {
        this.server = new TcpDeviceServer(address, port, "escpos-simulator", this::serve);
    }

    /** Starts listening (again, on the same port after {@link #stop()}). */
    public EscPosPrinterSimulator start() throws IOException {
        server.start();
        return this;
    }

    /** Stops listening and drops every connection, like a printer switched off; received receipts are kept. */
    public void stop() {
        server.stop();
    }

    /** @return the port it listens on */
    public int port() {
        return server.port();
    }

    /** @param out whether the paper roll is empty ({@code DLE EOT 4} reports paper end, {@code DLE EOT 1} offline) */
    public void paperOut(boolean out) {
        paperOut = out;
    }

    /** @param millis how long to wait before answering each status query (a slow printer) */
    public void answerDelay(long millis) {
        answerDelayMillis = millis;
    }

    /** Drops the next connection after it has sent this many bytes (a cable pulled mid-ticket); negative: never. */
    public void dropAfter(int bytes) {
        dropAfterBytes = bytes;
    }

    /** @return every receipt printed so far, in order */
    public List<PrintedReceipt> receipts() {
        return new ArrayList<>(receipts);
    }

    /** @param watcher called on the connection's thread for each receipt printed */
    public void onReceipt(Consumer<PrintedReceipt> watcher) {
        watchers.add(watcher);
    }

    /**
     * @param timeoutMillis how long to wait
     * @return the next receipt not yet taken, or null when none came in time
     */
    public PrintedReceipt nextReceipt(long timeoutMillis) throws InterruptedException {
        return fresh.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void serve(Socket c) throws IOException {
        int drop = dropAfterBytes;
        dropAfterBytes = -1;
        java.io.InputStream in = drop < 0 ? c.getInputStream() : new DroppingStream(c.getInputStream(), drop);
        new EscPosDecoder(in, c.getOutputStream(), this::status, this::printed).run();
    }

    private int status(int n) throws IOException {
        try {
            Thread.sleep(answerDelayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return switch (n) {
            case 1 -> paperOut ? OFFLINE : ONLINE;
            case 4 -> paperOut ? PAPER_END : PAPER_PRESENT;
            default -> 0x12;
        };
    }

    private void printed(PrintedReceipt r) {
        receipts.add(r);
        fresh.add(r);
        for (Consumer<PrintedReceipt> w : watchers) {
            w.accept(r);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Runs a printer and prints every receipt it decodes as text; with a folder, also writes each
     * receipt there as {@code receipt-0001.txt} and {@code receipt-0001.png}.
     *
     * @param args optional port (default 9100), optional folder for the receipts
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9100;
        java.nio.file.Path folder = args.length > 1 ? java.nio.file.Files.createDirectories(java.nio.file.Path.of(args[1])) : null;
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        EscPosPrinterSimulator printer = new EscPosPrinterSimulator(InetAddress.getByName("0.0.0.0"), port);
        printer.onReceipt(r -> {
            System.out.print(r.render());
            if (folder != null) {
                String name = String.format("receipt-%04d", count.incrementAndGet());
                try {
                    java.nio.file.Files.writeString(folder.resolve(name + ".txt"), r.render());
                    java.nio.file.Files.write(folder.resolve(name + ".png"), ReceiptImage.png(r));
                } catch (IOException e) {
                    System.err.println("cannot write " + name + ": " + e.getMessage());
                }
            }
        });
        printer.start();
        System.out.println("ESC/POS printer simulator listening on port " + printer.port());
        Thread.currentThread().join();
    }

    /** An input stream that ends the connection after a number of bytes. */
    private static final class DroppingStream extends java.io.FilterInputStream {
        private int left;

        DroppingStream(java.io.InputStream in, int left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left-- <= 0) {
                throw new IOException("connection dropped by the simulator");
            }
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("connection dropped by the simulator");
            }
            int n = super.read(b, off, Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }
    }
}
