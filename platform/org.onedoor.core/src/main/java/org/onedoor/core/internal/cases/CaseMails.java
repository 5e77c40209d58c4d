package org.onedoor.core.internal.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.cases.CaseMail;
import org.onedoor.api.cases.MailAddress;
import org.onedoor.api.cases.MailCarrier;

/**
 * The table {@code case_mail}: where a case's result is mailed free (R13), recorded at acceptance (the 365
 * holiday service's default, R14, or the applicant's wish) or at delivery; the full address stays here, the
 * views get it masked. On a handle of the caller's transaction.
 */
final class CaseMails {

    /** A case's mail row in full, for the delivery that uses it. */
    record Stored(MailAddress address, Optional<MailCarrier> carrier, boolean atAcceptance, boolean holiday) {
    }

    private static final String COLUMNS = "case_no, recipient, phone, province, city, district, street, carrier, at_acceptance, holiday";

    private CaseMails() {
    }

    /** @return the masked mail addresses of the cases, by case number; one query for all */
    static Map<String, CaseMail> of(Handle h, List<String> numbers) {
        Map<String, CaseMail> out = new HashMap<>();
        if (numbers.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT " + COLUMNS + " FROM case_mail WHERE case_no IN (<numbers>)")
                .bindList("numbers", numbers)
                .map((rs, ctx) -> Map.entry(rs.getString("case_no"), stored(rs)))
                .forEach(e -> out.put(e.getKey(), e.getValue().address().masked(e.getValue().carrier(), e.getValue().atAcceptance())));
        return out;
    }

    /** @return the case's mail row in full, if one is recorded */
    static Optional<Stored> find(Handle h, String number) {
        return h.createQuery("SELECT " + COLUMNS + " FROM case_mail WHERE case_no = :case").bind("case", number)
                .map((rs, ctx) -> stored(rs)).findOne();
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        MailAddress a = new MailAddress(rs.getString("recipient"), rs.getString("phone"), rs.getString("province"), rs.getString("city"),
                rs.getString("district"), rs.getString("street"));
        return new Stored(a, Optional.ofNullable(rs.getString("carrier")).map(MailCarrier::valueOf), rs.getBoolean("at_acceptance"),
                rs.getBoolean("holiday"));
    }

    /** Records the address a new case is to be mailed to. */
    static void atAcceptance(Handle h, String number, MailAddress a, boolean holiday, Instant at) {
        h.createUpdate("INSERT INTO case_mail (case_no, recipient, phone, province, city, district, street, carrier, at_acceptance, holiday, "
                + "recorded_at) VALUES (:case, :recipient, :phone, :province, :city, :district, :street, NULL, TRUE, :holiday, :at)")
                .bind("case", number).bindMethods(a).bind("holiday", holiday).bind("at", Timestamp.from(at)).execute();
    }

    /**
     * Records the mail of a delivery: the address it was sent to and the carrier, over the one recorded at
     * acceptance if the delivery names another (whether the case was to be mailed stays as it was).
     */
    static void mailed(Handle h, String number, MailAddress a, MailCarrier carrier, Instant at) {
        int updated = h.createUpdate("UPDATE case_mail SET recipient = :recipient, phone = :phone, province = :province, city = :city, "
                + "district = :district, street = :street, carrier = :carrier, recorded_at = :at WHERE case_no = :case")
                .bind("case", number).bindMethods(a).bind("carrier", carrier.name()).bind("at", Timestamp.from(at)).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO case_mail (case_no, recipient, phone, province, city, district, street, carrier, at_acceptance, holiday, "
                    + "recorded_at) VALUES (:case, :recipient, :phone, :province, :city, :district, :street, :carrier, FALSE, FALSE, :at)")
                    .bind("case", number).bindMethods(a).bind("carrier", carrier.name()).bind("at", Timestamp.from(at)).execute();
        }
    }
}
