package org.onedoor.core.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.ReportFile;
import org.onedoor.api.report.ReportKind;
import org.onedoor.api.report.ReportSummary;
import org.onedoor.store.testing.TestDatabases;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The November report on PostgreSQL (127.0.0.1:5432, started by .ci/run): the same rows give the same
 * figures and the same digest as on H2, the files are kept as BYTEA, and two nodes running the schedule at
 * once keep each closed period once.
 */
class PostgresReportsTest {

    @Test
    void onPostgresTheSameRowsGiveTheSameReportAndTheScheduleKeepsEachPeriodOnce() throws Exception {
        try (TestDatabases.Postgres server = TestDatabases.postgres("onedoor_reports")) {
            PGSimpleDataSource ds = server.migrated();
            ReportFixture pg = new ReportFixture(ds).november();
            ReportFixture h2 = new ReportFixture().november();

            HallReport onPg = pg.reports.build(pg.reports.period(ReportKind.MONTH, "2026-11"), ReportFixture.SUPERVISOR);
            HallReport onH2 = h2.reports.build(h2.reports.period(ReportKind.MONTH, "2026-11"), ReportFixture.SUPERVISOR);
            assertEquals(onH2.units(), onPg.units());
            assertEquals(onH2.windows(), onPg.windows());
            assertEquals(onH2.total(), onPg.total());
            assertEquals(onH2.warnings(), onPg.warnings());
            assertEquals(onH2.basis(), onPg.basis(), "the same rows, the same basis and digest");
            assertEquals(Optional.of(onPg), pg.reports.find(onPg.id()));
            byte[] pdf = pg.reports.file(onPg.id(), ReportFile.PDF).orElseThrow();
            assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));

            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                HallReportService a = pg.node();
                HallReportService b = pg.node();
                List<Future<List<HallReport>>> runs = new ArrayList<>();
                runs.add(pool.submit(a::runSchedule));
                runs.add(pool.submit(b::runSchedule));
                int built = 0;
                for (Future<List<HallReport>> f : runs) {
                    built += f.get().size();
                }
                assertEquals(3, built, "week 48, November and the third quarter, each by one of the nodes");
            } finally {
                pool.shutdownNow();
            }
            List<ReportSummary> kept = pg.reports.list(Optional.empty(), 10);
            assertEquals(4, kept.size(), kept.toString());
            assertEquals(3, kept.stream().filter(ReportSummary::scheduled).count());
            assertTrue(kept.stream().allMatch(s -> s.pdfBytes() > 1000 && s.xlsxBytes() > 1000), kept.toString());
        }
    }
}
