package org.onedoor.core.internal.report;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.ReportFile;
import org.onedoor.api.report.ReportKind;
import org.onedoor.api.report.ReportSummary;

/** The table {@code hall_report}, on a handle of the caller's transaction. */
final class ReportStore {

    private static final String SUMMARY = "SELECT id, kind, period_key, period_start, period_end, built_at, built_by, schedule_key,"
            + " OCTET_LENGTH(pdf) AS pdf_bytes, OCTET_LENGTH(xlsx) AS xlsx_bytes FROM hall_report";

    private ReportStore() {
    }

    /** @return the key the schedule builds a period under, once for the hall */
    static String scheduleKey(HallReport r) {
        return r.period().kind().name() + ":" + r.period().key();
    }

    static boolean scheduled(Handle h, String scheduleKey) {
        return h.createQuery("SELECT COUNT(*) FROM hall_report WHERE schedule_key = :key").bind("key", scheduleKey)
                .mapTo(Integer.class).one() > 0;
    }

    /** @return the new report's id */
    static long insert(Handle h, HallReport r, boolean scheduled) {
        return h.createUpdate("INSERT INTO hall_report (kind, period_key, period_start, period_end, built_at, built_by, schedule_key,"
                + " basis_digest, figures, pdf, xlsx) VALUES (:kind, :key, :start, :end, :builtAt, :builtBy, :scheduleKey, :digest,"
                + " :figures, :none, :none)")
                .bind("kind", r.period().kind().name()).bind("key", r.period().key()).bind("start", r.period().start())
                .bind("end", r.period().end()).bind("builtAt", Timestamp.from(r.builtAt())).bind("builtBy", r.builtBy())
                .bindByType("scheduleKey", scheduled ? scheduleKey(r) : null, String.class).bind("digest", r.basis().digest())
                .bind("figures", ReportJson.write(r)).bind("none", new byte[0])
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Stores the files of the report just inserted (they print its id). */
    static void files(Handle h, long id, byte[] pdf, byte[] xlsx) {
        h.createUpdate("UPDATE hall_report SET pdf = :pdf, xlsx = :xlsx WHERE id = :id").bind("pdf", pdf).bind("xlsx", xlsx).bind("id", id)
                .execute();
    }

    static List<ReportSummary> list(Handle h, Optional<ReportKind> kind, int limit) {
        return h.createQuery(SUMMARY + (kind.isPresent() ? " WHERE kind = :kind" : "") + " ORDER BY id DESC LIMIT :limit")
                .bind("kind", kind.map(Enum::name).orElse("")).bind("limit", limit)
                .map((rs, ctx) -> new ReportSummary(rs.getLong("id"), ReportKind.valueOf(rs.getString("kind")), rs.getString("period_key"),
                        rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
                        rs.getTimestamp("built_at").toInstant(), rs.getString("built_by"), rs.getString("schedule_key") != null,
                        rs.getInt("pdf_bytes"), rs.getInt("xlsx_bytes")))
                .list();
    }

    static Optional<HallReport> find(Handle h, long id) {
        return h.createQuery("SELECT figures FROM hall_report WHERE id = :id").bind("id", id).mapTo(String.class).findOne()
                .map(text -> ReportJson.read(id, text));
    }

    static Optional<byte[]> file(Handle h, long id, ReportFile file) {
        String column = file == ReportFile.PDF ? "pdf" : "xlsx";
        return h.createQuery("SELECT " + column + " FROM hall_report WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> rs.getBytes(1)).findOne();
    }
}
