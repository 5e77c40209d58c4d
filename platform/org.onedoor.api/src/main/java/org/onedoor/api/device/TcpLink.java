package org.onedoor.api.device;

import java.io.IOException;
import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An open TCP connection to a device or to its serial bridge, lent to a handler by the node.
 *
 * <p>Blocking; used by one thread at a time (the node calls a handler for one command at a
 * time). An {@link IOException} means the link is broken: the node closes it and opens a new
 * one before the next attempt.
 */
@ProviderType
public interface TcpLink {

    /**
     * Writes all bytes and flushes them.
     *
     * @param bytes the bytes to send
     * @throws IOException when the connection fails
     */
    void write(byte[] bytes) throws IOException;

    /**
     * Reads exactly {@code count} bytes.
     *
     * @param count   how many bytes, 1 or more
     * @param timeout how long to wait for all of them
     * @return the bytes
     * @throws IOException when the connection fails, closes or the time runs out
     */
    byte[] read(int count, Duration timeout) throws IOException;

    /** Discards bytes that arrived unasked (e.g. automatic status reports); never blocks. */
    void drain() throws IOException;

    /** @return "host:port" of the other end */
    String remote();
}
