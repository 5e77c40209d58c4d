package org.onedoor.api.zone;

/** Thrown when the framework could not install or uninstall a zone's feature. */
public class ZoneSwitchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, for an operator
     * @param cause   the framework's error
     */
    public ZoneSwitchException(String message, Throwable cause) {
        super(message, cause);
    }
}
