package org.onedoor.core.internal.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.onedoor.api.notify.DeliveryStatus;

/**
 * The notification tables ({@code notify_outbox}, {@code notify_opt_out}, {@code notify_subscription})
 * read and written on a handle of the caller's transaction; rows are mapped by column name.
 */
final class NotifyStore {

    /** One row of the outbox. */
    record Entry(long id, String eventKey, String phone, String templateId, Locale locale, String text, DeliveryStatus state,
            int attempts, Instant createdAt, Instant nextAttemptAt, String senderId, String messageId, int parts,
            Optional<Instant> finishedAt, String note) {
    }

    /** Who is told about a ticket or a case. */
    record Subscription(String subject, String phone, Locale locale) {
    }

    private static final String COLUMNS = "id, event_key, phone, template_id, locale, text, state, attempts, created_at,"
            + " next_attempt_at, sender_id, message_id, parts, finished_at, note";
    private static final int NOTE_MAX = 1000;

    private NotifyStore() {
    }

    static Optional<Entry> byKey(Handle h, String eventKey) {
        return h.createQuery("SELECT " + COLUMNS + " FROM notify_outbox WHERE event_key = :key").bind("key", eventKey)
                .map(NotifyStore::row).findOne();
    }

    /** Writes a new row; a second one with the same key collides on {@code notify_outbox_key}. */
    static void insert(Handle h, String eventKey, String phone, String templateId, Locale locale, String text, DeliveryStatus state,
            Instant now, String note) {
        h.createUpdate("INSERT INTO notify_outbox (event_key, phone, template_id, locale, text, state, attempts, created_at,"
                + " next_attempt_at, claimed_by, sender_id, message_id, parts, finished_at, note) VALUES (:key, :phone, :template,"
                + " :locale, :text, :state, 0, :now, :now, '', '', '', 0, :finished, :note)")
                .bind("key", eventKey).bind("phone", phone).bind("template", templateId).bind("locale", locale.toLanguageTag())
                .bind("text", text).bind("state", state.name()).bind("now", now)
                .bindByType("finished", state == DeliveryStatus.QUEUED ? null : now, Instant.class).bind("note", trim(note)).execute();
    }

    /** @return how many messages the number was written since then, not counting those given up before sending */
    static int recentFor(Handle h, String phone, Instant since) {
        return h.createQuery("SELECT COUNT(*) FROM notify_outbox WHERE phone = :phone AND created_at >= :since"
                + " AND (state <> 'FAILED' OR attempts > 0)")
                .bind("phone", phone).bind("since", since).mapTo(Integer.class).one();
    }

    /**
     * Takes due messages no other node holds: locks them (skipping rows locked by another node's
     * claim) and marks them held by the claimant until the lease ends.
     */
    static List<Entry> claim(Handle h, String claimant, Instant now, Instant leaseEnd, int limit) {
        List<Entry> due = h.createQuery("SELECT " + COLUMNS + " FROM notify_outbox WHERE state = 'QUEUED' AND next_attempt_at <= :now"
                + " AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY next_attempt_at, id FETCH FIRST " + limit
                + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .bind("now", now).map(NotifyStore::row).list();
        for (Entry e : due) {
            h.createUpdate("UPDATE notify_outbox SET claimed_by = :me, claimed_until = :until WHERE id = :id")
                    .bind("me", claimant).bind("until", leaseEnd).bind("id", e.id()).execute();
        }
        return due;
    }

    /** Gives a claimed message back untried. */
    static void release(Handle h, long id, String claimant) {
        h.createUpdate("UPDATE notify_outbox SET claimed_by = '', claimed_until = NULL WHERE id = :id AND claimed_by = :me"
                + " AND state = 'QUEUED'").bind("id", id).bind("me", claimant).execute();
    }

    static boolean sent(Handle h, long id, String claimant, String senderId, String messageId, int parts, Instant now) {
        return h.createUpdate("UPDATE notify_outbox SET state = 'SENT', attempts = attempts + 1, sender_id = :sender,"
                + " message_id = :message, parts = :parts, finished_at = :now, claimed_until = NULL, note = ''"
                + " WHERE id = :id AND claimed_by = :me AND state = 'QUEUED'")
                .bind("id", id).bind("me", claimant).bind("sender", senderId).bind("message", messageId).bind("parts", parts)
                .bind("now", now).execute() == 1;
    }

    /** Records a failed attempt: again at {@code next}, or given up when next is empty. */
    static void attempted(Handle h, long id, String claimant, String senderId, Optional<Instant> next, Instant now, String note) {
        h.createUpdate("UPDATE notify_outbox SET state = :state, attempts = attempts + 1, sender_id = :sender,"
                + " next_attempt_at = :next, finished_at = :finished, claimed_by = '', claimed_until = NULL, note = :note"
                + " WHERE id = :id AND claimed_by = :me AND state = 'QUEUED'")
                .bind("id", id).bind("me", claimant).bind("sender", senderId)
                .bind("state", next.isPresent() ? DeliveryStatus.QUEUED.name() : DeliveryStatus.FAILED.name())
                .bind("next", next.orElse(now)).bindByType("finished", next.isPresent() ? null : now, Instant.class)
                .bind("note", trim(note)).execute();
    }

    /** Records a delivery receipt on the sent message of that sender and message id. */
    static int delivered(Handle h, String senderId, String messageId, boolean delivered, String detail, Instant now) {
        return h.createUpdate("UPDATE notify_outbox SET state = :state, finished_at = :now, note = :note"
                + " WHERE sender_id = :sender AND message_id = :message AND state = 'SENT'")
                .bind("state", delivered ? DeliveryStatus.DELIVERED.name() : DeliveryStatus.FAILED.name()).bind("now", now)
                .bind("note", trim(delivered ? detail : "not delivered: " + detail)).bind("sender", senderId).bind("message", messageId)
                .execute();
    }

    static List<Entry> recent(Handle h, String state, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM notify_outbox WHERE (:state = '' OR state = :state)"
                + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY").bind("state", state).map(NotifyStore::row).list();
    }

    static boolean optedOut(Handle h, String phone) {
        return h.createQuery("SELECT COUNT(*) FROM notify_opt_out WHERE phone = :phone").bind("phone", phone).mapTo(Integer.class).one() > 0;
    }

    static void optOut(Handle h, String phone, String origin, Instant now) {
        if (!optedOut(h, phone)) {
            h.createUpdate("INSERT INTO notify_opt_out (phone, opted_at, origin) VALUES (:phone, :now, :origin)")
                    .bind("phone", phone).bind("now", now).bind("origin", origin).execute();
        }
    }

    static boolean optIn(Handle h, String phone) {
        return h.createUpdate("DELETE FROM notify_opt_out WHERE phone = :phone").bind("phone", phone).execute() > 0;
    }

    static void subscribe(Handle h, String subject, String phone, Locale locale, Instant now) {
        int updated = h.createUpdate("UPDATE notify_subscription SET phone = :phone, locale = :locale WHERE subject = :subject")
                .bind("subject", subject).bind("phone", phone).bind("locale", locale.toLanguageTag()).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO notify_subscription (subject, phone, locale, created_at) VALUES (:subject, :phone, :locale, :now)")
                    .bind("subject", subject).bind("phone", phone).bind("locale", locale.toLanguageTag()).bind("now", now).execute();
        }
    }

    static Optional<Subscription> subscription(Handle h, String subject) {
        return h.createQuery("SELECT subject, phone, locale FROM notify_subscription WHERE subject = :subject").bind("subject", subject)
                .map((rs, ctx) -> new Subscription(rs.getString("subject"), rs.getString("phone"),
                        Locale.forLanguageTag(rs.getString("locale")))).findOne();
    }

    private static Entry row(ResultSet rs, StatementContext ctx) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Entry(rs.getLong("id"), rs.getString("event_key"), rs.getString("phone"), rs.getString("template_id"),
                Locale.forLanguageTag(rs.getString("locale")), rs.getString("text"), DeliveryStatus.valueOf(rs.getString("state")),
                rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getString("sender_id"), rs.getString("message_id"), rs.getInt("parts"),
                finished == null ? Optional.empty() : Optional.of(finished.toInstant()), rs.getString("note"));
    }

    private static String trim(String note) {
        return note == null ? "" : note.length() > NOTE_MAX ? note.substring(0, NOTE_MAX) : note;
    }
}
