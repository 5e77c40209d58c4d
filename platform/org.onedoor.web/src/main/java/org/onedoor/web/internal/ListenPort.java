package org.onedoor.web.internal;

/** Chooses the HTTP port: the environment variable {@value #ENV} wins over the configuration. */
public final class ListenPort {

    static final String ENV = "ONEDOOR_HTTP_PORT";

    private ListenPort() {
    }

    /**
     * @throws IllegalArgumentException naming the bad value and where it came from
     */
    static int resolve(int configured, String environment) {
        if (environment != null && !environment.isBlank()) {
            String value = environment.trim();
            if (!value.matches("\\d{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535) {
                throw new IllegalArgumentException(ENV + "='" + value + "' is not a port number (1-65535)");
            }
            return Integer.parseInt(value);
        }
        if (configured < 1 || configured > 65535) {
            throw new IllegalArgumentException("port=" + configured + " in etc/org.onedoor.web.cfg is not a port number (1-65535)");
        }
        return configured;
    }
}
