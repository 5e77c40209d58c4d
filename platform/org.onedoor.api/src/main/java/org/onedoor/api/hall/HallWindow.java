package org.onedoor.api.hall;

/**
 * One service window of the hall, numbered hall-wide (1 to 192 in the Zhumadian hall).
 *
 * @param number  the hall-wide window number, at least 1
 * @param zoneId  the acceptance area the window stands in
 * @param labelZh the label shown to citizens, e.g. {@code 41号窗口}
 */
public record HallWindow(int number, String zoneId, String labelZh) {

    public HallWindow {
        if (number < 1) {
            throw new IllegalArgumentException("window number must be at least 1, was " + number);
        }
        requireText(zoneId, "zoneId");
        requireText(labelZh, "labelZh");
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
