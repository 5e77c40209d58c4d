package org.onedoor.core.internal.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;

/**
 * Binds a case action to a window its actor holds (R3, docs/security.md "Clerks and windows"). The
 * window a request names (the actor's origin {@code window:97}, or the acceptance's window) is a
 * claim only: inside the action's own transaction the window's session row (the queue's
 * {@code window_session}, written by window sign-in and sign-out) is read {@code FOR UPDATE}, so a
 * sign-out or hand-over of that window waits until the action has committed, or the action sees it
 * and is refused. History and audit then name the window the actor held, never a claimed one.
 */
final class WindowBinding {

    private static final String ORIGIN = "window:";

    private WindowBinding() {
    }

    /** How an action uses a window. */
    enum Use {
        /** Not a window action (back-office work, materials, closing): the actor as it is. */
        NONE,
        /** A window only if the actor names one, and then one it holds (mail and locker deliveries, online acceptance). */
        IF_NAMED,
        /** A window the actor holds: the one it names, else the only one it holds (sign-off, issuance-window delivery). */
        REQUIRED;

        /** @return how a delivery uses a window: at the issuance window one the clerk holds, by mail or locker one only if named */
        static Use of(Delivery d) {
            return d.method() == DeliveryMethod.ISSUANCE_WINDOW ? REQUIRED : IF_NAMED;
        }

        /** @return the actor with its origin the window it holds (locked until the transaction ends), or as it is */
        CaseActor bind(Connection c, CaseActor actor) throws SQLException {
            int claimed = claimed(actor);
            return switch (this) {
                case NONE -> actor;
                case IF_NAMED -> claimed == 0 ? actor : hold(c, claimed, actor).actor();
                case REQUIRED -> required(c, claimed, actor).actor();
            };
        }
    }

    /** A window its actor holds, locked for the transaction; {@code actor} carries it as origin. */
    record Held(int window, String zoneId, CaseActor actor) {
    }

    /** The ticket called or being served at a window. */
    record Called(String id, String number) {
    }

    /** @return the window the actor's origin names, 0 when it names none */
    static int claimed(CaseActor actor) {
        String origin = actor.origin();
        if (!origin.startsWith(ORIGIN)) {
            return 0;
        }
        try {
            int window = Integer.parseInt(origin.substring(ORIGIN.length()));
            if (window > 0) {
                return window;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw CaseStore.invalid("invalid-window", "字段 window 应为窗口号 (field 'window' must be a window number), 不是 “"
                + origin.substring(ORIGIN.length()) + "”");
    }

    private static Held required(Connection c, int claimed, CaseActor actor) throws SQLException {
        if (claimed > 0) {
            return hold(c, claimed, actor);
        }
        List<Integer> own = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT window_no FROM window_session WHERE clerk = ? ORDER BY window_no")) {
            ps.setString(1, actor.user());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    own.add(rs.getInt(1));
                }
            }
        }
        if (own.isEmpty()) {
            throw CaseStore.conflict("window-not-signed-in", "用户 " + actor.user() + " 没有在任何窗口签到；请先在窗口签到再办理 / "
                    + "field 'window': " + actor.user() + " holds no window; sign in to a window first");
        }
        if (own.size() > 1) {
            throw CaseStore.invalid("window-required", "用户 " + actor.user() + " 在 " + own + " 号窗口签到；请用字段 window 指明在哪个窗口办理 / "
                    + "field 'window' is required: " + actor.user() + " holds windows " + own);
        }
        return hold(c, own.get(0), actor);
    }

    /** Locks the window's session row and requires the actor to hold it. */
    static Held hold(Connection c, int window, CaseActor actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT zone_id, clerk FROM window_session WHERE window_no = ? FOR UPDATE")) {
            ps.setInt(1, window);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw CaseStore.conflict("window-not-signed-in", window + "号窗口没有工作人员签到；请先在该窗口签到 / field 'window': "
                            + "nobody is signed in at window " + window);
                }
                String clerk = rs.getString(2);
                if (!clerk.equals(actor.user())) {
                    throw CaseStore.conflict("window-not-yours", window + "号窗口由 " + clerk + " 签到，不是 " + actor.user()
                            + "；只能在本人签到的窗口办理 / field 'window': window " + window + " is held by " + clerk);
                }
                return new Held(window, rs.getString(1), new CaseActor(actor.principal(), ORIGIN + window));
            }
        }
    }

    /** @return the ticket called or being served at the window */
    static Optional<Called> called(Connection c, int window) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, ticket_no FROM ticket WHERE window_no = ? AND status IN ('CALLED', 'SERVING')")) {
            ps.setInt(1, window);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Called(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }
}
