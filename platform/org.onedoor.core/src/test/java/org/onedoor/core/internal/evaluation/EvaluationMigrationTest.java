package org.onedoor.core.internal.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** V80 on H2 (or, with {@code -Dcases.postgres=jdbc:postgresql://127.0.0.1:5432/}, on a fresh PostgreSQL database): each old case rating (clerk and approver scores 1..5) becomes a FRONT and a BACK rating at its level, with a first version. */
class EvaluationMigrationTest {

    @Test
    void theOldScoresBecomeLevelsPerParty() throws SQLException {
        javax.sql.DataSource ds = store();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("onedoor_schema_history").target("76").load().migrate();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO case_rating VALUES ('A17-20261101-0001', 'A17', 'clerk1', 'approver.a17', 5, 1, '很好', TIMESTAMP '2026-11-02 02:00:00')");
            st.execute("INSERT INTO case_rating VALUES ('A17-20261101-0002', 'A17', 'clerk2', 'approver.a17', 3, 2, '', TIMESTAMP '2026-11-03 02:00:00')");
            st.execute("INSERT INTO case_rating VALUES ('A17-20261101-0003', 'A17', 'clerk2', 'approver.a17', 4, 4, '', TIMESTAMP '2026-11-03 03:00:00')");
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("onedoor_schema_history").load().migrate();
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT case_no, party, subject, rating_level, score, channel, revision, comment"
                        + " FROM case_evaluation ORDER BY case_no, party DESC")) {
            while (rs.next()) {
                rows.add(rs.getString(1).substring(13) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getInt(5) + " " + rs.getString(6) + " " + rs.getInt(7) + " " + rs.getString(8));
            }
        }
        assertEquals(List.of(
                "0001 FRONT clerk1 VERY_SATISFIED 5 CITIZEN_PAGE 1 很好",
                "0001 BACK approver.a17 VERY_DISSATISFIED 1 CITIZEN_PAGE 1 很好",
                "0002 FRONT clerk2 BASICALLY_SATISFIED 3 CITIZEN_PAGE 1 ",
                "0002 BACK approver.a17 DISSATISFIED 2 CITIZEN_PAGE 1 ",
                "0003 FRONT clerk2 SATISFIED 4 CITIZEN_PAGE 1 ",
                "0003 BACK approver.a17 SATISFIED 4 CITIZEN_PAGE 1 "), rows);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM case_evaluation_history WHERE revision = 1")) {
            rs.next();
            assertEquals(6, rs.getInt(1));
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeQuery("SELECT COUNT(*) FROM case_rating"));
            assertThrows(SQLException.class, () -> st.execute("INSERT INTO case_evaluation VALUES ('A17-20261101-0001', 'FRONT', 'A17',"
                    + " 'clerk1', 'SATISFIED', 4, '', '', 'KIOSK', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 2)"), "one rating per case and party");
        }
    }

    private static javax.sql.DataSource store() throws SQLException {
        String server = System.getProperty("cases.postgres", "");
        if (server.isEmpty()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            return h2;
        }
        String name = "v80_" + UUID.randomUUID().toString().replace("-", "");
        org.postgresql.ds.PGSimpleDataSource admin = new org.postgresql.ds.PGSimpleDataSource();
        admin.setURL(server + "postgres");
        admin.setUser("postgres");
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                System.err.println("test database " + name + " was not dropped: " + e.getMessage());
            }
        }));
        org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setURL(server + name);
        pg.setUser("postgres");
        return pg;
    }
}
