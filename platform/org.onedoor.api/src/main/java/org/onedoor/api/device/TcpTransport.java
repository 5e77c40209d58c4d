package org.onedoor.api.device;

import java.io.IOException;
import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens TCP connections to devices; offered by the node so that drivers never open sockets.
 *
 * <p>Thread-safe; {@link #open} blocks until connected or the timeout passes.
 */
@ProviderType
public interface TcpTransport {

    /**
     * @param host    host name or address
     * @param port    TCP port
     * @param timeout connect timeout
     * @return an open link; the caller closes it with {@link #close(TcpLink)}
     * @throws IOException when the connection cannot be made
     */
    TcpLink open(String host, int port, Duration timeout) throws IOException;

    /** Closes a link this transport opened; closing twice does nothing. */
    void close(TcpLink link);
}
