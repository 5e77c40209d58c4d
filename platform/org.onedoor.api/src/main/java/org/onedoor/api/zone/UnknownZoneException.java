package org.onedoor.api.zone;

/** Thrown when a zone id names no zone this node knows or can install. */
public class UnknownZoneException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String zoneId;

    /** @param zoneId the id that was asked for */
    public UnknownZoneException(String zoneId) {
        super("unknown zone '" + zoneId + "'");
        this.zoneId = zoneId;
    }

    /** @return the id that was asked for */
    public String zoneId() {
        return zoneId;
    }
}
