package org.onedoor.core.internal.cases;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.hall.Hall;

/**
 * Binds a case action to a window its actor holds (R3, docs/security.md "Clerks and windows"). The
 * window a request names (the actor's origin {@code window:97}, or the acceptance's window) is a
 * claim only: inside the action's own transaction the window's session row (the queue's
 * {@code window_session}, written by window sign-in and sign-out) is read {@code FOR UPDATE}, so a
 * sign-out or hand-over of that window waits until the action has committed, or the action sees it
 * and is refused. History and audit then name the window the actor held, never a claimed one.
 *
 * <p>Windows are numbered per hall: the origin {@code window:97} is window 97 of the default hall,
 * {@code window:xiping/1} window 1 of the hall {@code xiping}; every read names the hall.
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
        CaseActor bind(Handle h, CaseActor actor) {
            if (this == NONE) {
                return actor;
            }
            Claim claimed = claim(actor);
            return switch (this) {
                case NONE -> actor;
                case IF_NAMED -> claimed == null ? actor : hold(h, claimed.hallId(), claimed.window(), actor).actor();
                case REQUIRED -> required(h, claimed, actor).actor();
            };
        }
    }

    /** A window its actor holds, locked for the transaction; {@code actor} carries it as origin. */
    record Held(String hallId, int window, String zoneId, CaseActor actor) {
    }

    /** A window of a hall, as an origin names it. */
    record Claim(String hallId, int window) {
    }

    /** @return the origin that names a window of a hall: {@code window:97} in the default hall, {@code window:<hall>/<n>} in another */
    static String origin(String hallId, int window) {
        return ORIGIN + (Hall.DEFAULT_ID.equals(hallId) ? "" : hallId + "/") + window;
    }

    /** @return the hall the actor's origin names (its window's hall), the default hall when it names none */
    static String hallOf(CaseActor actor) {
        Claim c = claim(actor);
        return c == null ? Hall.DEFAULT_ID : c.hallId();
    }

    /** The ticket called or being served at a window. */
    record Called(String id, String number) {
    }

    /** @return the window the actor's origin names, 0 when it names none */
    static int claimed(CaseActor actor) {
        Claim c = claim(actor);
        return c == null ? 0 : c.window();
    }

    /** @return the window (and its hall) the actor's origin names, null when it names none */
    static Claim claim(CaseActor actor) {
        String origin = actor.origin();
        if (!origin.startsWith(ORIGIN)) {
            return null;
        }
        String named = origin.substring(ORIGIN.length());
        int slash = named.indexOf('/');
        String hall = slash < 0 ? Hall.DEFAULT_ID : named.substring(0, slash);
        try {
            int window = Integer.parseInt(named.substring(slash + 1));
            if (window > 0 && Hall.validId(hall)) {
                return new Claim(hall, window);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw CaseStore.invalid("invalid-window", "字段 window 应为窗口号 (field 'window' must be a window number), 不是 “"
                + origin.substring(ORIGIN.length()) + "”");
    }

    /** A window as the queue's sessions hold it. */
    private static final RowMapper<Claim> WINDOW_ROW = (rs, ctx) -> new Claim(rs.getString("hall_id"), rs.getInt("window_no"));

    /** The session of a window: its zone and the clerk signed in. */
    private record Session(String zoneId, String clerk) {
    }

    private static final RowMapper<Session> SESSION_ROW = (rs, ctx) -> new Session(rs.getString("zone_id"), rs.getString("clerk"));

    private static final RowMapper<Called> CALLED_ROW = (rs, ctx) -> new Called(rs.getString("id"), rs.getString("ticket_no"));

    private static Held required(Handle h, Claim claimed, CaseActor actor) {
        if (claimed != null) {
            return hold(h, claimed.hallId(), claimed.window(), actor);
        }
        List<Claim> own = h.createQuery("SELECT hall_id, window_no FROM window_session WHERE clerk = :clerk ORDER BY hall_id, window_no")
                .bind("clerk", actor.user()).map(WINDOW_ROW).list();
        if (own.isEmpty()) {
            throw CaseStore.conflict("window-not-signed-in", "用户 " + actor.user() + " 没有在任何窗口签到；请先在窗口签到再办理 / "
                    + "field 'window': " + actor.user() + " holds no window; sign in to a window first");
        }
        if (own.size() > 1) {
            List<String> named = own.stream().map(w -> origin(w.hallId(), w.window()).substring(ORIGIN.length())).toList();
            throw CaseStore.invalid("window-required", "用户 " + actor.user() + " 在 " + named + " 号窗口签到；请用字段 window 指明在哪个窗口办理 / "
                    + "field 'window' is required: " + actor.user() + " holds windows " + named);
        }
        return hold(h, own.get(0).hallId(), own.get(0).window(), actor);
    }

    /** Locks the session row of the hall's window and requires the actor to hold it. */
    static Held hold(Handle h, String hallId, int window, CaseActor actor) {
        String where = Hall.DEFAULT_ID.equals(hallId) ? "" : "（" + hallId + "）";
        Session session = h.createQuery("SELECT zone_id, clerk FROM window_session WHERE hall_id = :hall AND window_no = :window FOR UPDATE")
                .bind("hall", hallId).bind("window", window).map(SESSION_ROW).findOne()
                .orElseThrow(() -> CaseStore.conflict("window-not-signed-in", where + window + "号窗口没有工作人员签到；请先在该窗口签到 / "
                        + "field 'window': nobody is signed in at window " + window + (where.isEmpty() ? "" : " of hall " + hallId)));
        if (!session.clerk().equals(actor.user())) {
            throw CaseStore.conflict("window-not-yours", where + window + "号窗口由 " + session.clerk() + " 签到，不是 " + actor.user()
                    + "；只能在本人签到的窗口办理 / field 'window': window " + window + " is held by " + session.clerk());
        }
        return new Held(hallId, window, session.zoneId(), new CaseActor(actor.principal(), origin(hallId, window)));
    }

    /** @return the ticket called or being served at the hall's window */
    static Optional<Called> called(Handle h, String hallId, int window) {
        return h.createQuery("SELECT id, ticket_no FROM ticket WHERE hall_id = :hall AND window_no = :window AND status IN ('CALLED', 'SERVING')")
                .bind("hall", hallId).bind("window", window).map(CALLED_ROW).findFirst();
    }
}
