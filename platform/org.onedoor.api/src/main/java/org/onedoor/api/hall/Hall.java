package org.onedoor.api.hall;

/**
 * A service hall: one building with its own zones, window numbering and ticket numbering, served
 * by the same nodes and database as the other halls of the city.
 *
 * @param id      stable id, lower-case words joined by hyphens (e.g. {@code zhumadian})
 * @param nameZh  Chinese name
 * @param nameEn  English name
 * @param address the street address, Chinese first; may be empty
 * @since 1.3
 */
public record Hall(String id, String nameZh, String nameEn, String address) {

    /** The id of the default hall, the Zhumadian Citizen Center: what every API means when it names no hall. */
    public static final String DEFAULT_ID = "zhumadian";

    public Hall {
        HallWindow.requireText(id, "id");
        if (!validId(id)) {
            throw new IllegalArgumentException("hall id must be lower-case words joined by hyphens (at most 24 characters), was '" + id + "'");
        }
        HallWindow.requireText(nameZh, "nameZh");
        HallWindow.requireText(nameEn, "nameEn");
        address = address == null ? "" : address;
    }

    /** @return whether the text can be a hall's id: lower-case words joined by hyphens, at most 24 characters */
    public static boolean validId(String id) {
        return id != null && id.length() <= 24 && id.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    /** @return whether this is the default hall */
    public boolean isDefault() {
        return DEFAULT_ID.equals(id);
    }
}
