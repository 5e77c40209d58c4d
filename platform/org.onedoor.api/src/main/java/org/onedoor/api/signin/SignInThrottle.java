package org.onedoor.api.signin;

import java.time.Duration;

/**
 * Slows password guessing on a node: after a number of failed sign-ins for one user name, or from
 * one client address, further attempts must be refused without checking the password until the
 * back-off has passed. Shared by the HTTP API and the SSH console of the node.
 */
public interface SignInThrottle {

    /**
     * @param user    the user name tried
     * @param address the client address (an IP address as text, e.g. {@code 127.0.0.1})
     * @return how long the caller must wait before the next attempt; zero when it may try now
     */
    Duration waitBeforeAttempt(String user, String address);

    /** Counts a failed sign-in against the user name and the address. */
    void failed(String user, String address);

    /** Clears the user's count after a successful sign-in. */
    void succeeded(String user);
}
