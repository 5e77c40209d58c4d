package org.onedoor.api.user;

import java.util.Locale;
import java.util.Optional;

/** The roles a hall user can hold; {@link #id()} is the role name in the node's user realm. */
public enum HallRole {
    /** Manages users, sees the audit trail, may do everything an operator may. */
    ADMIN,
    /** Runs the hall: opens and closes zones, loads catalogs and calendars, files matter adjustments. */
    OPERATOR,
    /** Swaps device drivers and looks after devices on site. */
    TECHNICIAN,
    /** Acts for one department (see {@link HallUser#department()}), only on that department's matters. */
    DEPARTMENT,
    /** Serves citizens at a window. */
    CLERK,
    /** Decides cases in the back office. */
    APPROVER,
    /** Watches the hall and reads reports and the audit trail. */
    SUPERVISOR,
    /** A kiosk device: issues tickets. */
    KIOSK,
    /** Reads what the console shows, changes nothing. */
    VIEWER;

    /** @return the role's name in the user realm, e.g. {@code operator} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the role named {@code id} (case-insensitive), or empty when there is none */
    public static Optional<HallRole> byId(String id) {
        for (HallRole r : values()) {
            if (r.id().equalsIgnoreCase(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
