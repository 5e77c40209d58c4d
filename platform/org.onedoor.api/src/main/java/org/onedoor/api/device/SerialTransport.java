package org.onedoor.api.device;

import java.io.IOException;
import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens serial ports (RS-232/RS-485 adapters) for devices whose configuration names one
 * ({@code host = serial:/dev/ttyUSB0?baud=9600}); offered by the node's serial bundle so that
 * drivers never open ports themselves. The link works like a TCP link.
 *
 * <p>Thread-safe; {@link #open} blocks at most the timeout.
 *
 * @since 1.1
 */
@ProviderType
public interface SerialTransport {

    /**
     * @param port    the port and its line settings
     * @param timeout how long opening may take
     * @return an open link; the caller closes it with {@link #close(TcpLink)}
     * @throws IOException when the port does not exist, is busy or refuses the settings
     */
    TcpLink open(SerialPortSettings port, Duration timeout) throws IOException;

    /** Closes a link this transport opened; closing twice does nothing. */
    void close(TcpLink link);
}
