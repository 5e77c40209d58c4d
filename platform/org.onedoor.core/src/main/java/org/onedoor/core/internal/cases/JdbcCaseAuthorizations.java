package org.onedoor.core.internal.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.cases.AuthorizationLetter;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseAuthorizations;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Authorization letters (R6) on the store; filing and revoking are recorded in the audit trail. */
@Component(service = CaseAuthorizations.class)
public final class JdbcCaseAuthorizations implements CaseAuthorizations {

    private final CaseStore store;
    private final MatterCatalog catalog;
    private final AuditTrail audit;

    @Activate
    public JdbcCaseAuthorizations(@Reference HallDatabase database, @Reference AuditOutbox outbox,
            @Reference MatterCatalog catalog, @Reference AuditTrail audit) {
        this(database, outbox, catalog, audit, Clock.systemUTC());
    }

    JdbcCaseAuthorizations(HallDatabase database, AuditOutbox outbox, MatterCatalog catalog, AuditTrail audit, Clock clock) {
        this.store = new CaseStore(database, outbox, clock);
        this.catalog = catalog;
        this.audit = audit;
    }

    static void requireOwnDepartment(String departmentId, CaseActor actor) {
        if (actor.holdsAny("admin", "operator")) {
            return;
        }
        if (!actor.holdsAny("department") || !actor.department().map(departmentId::equals).orElse(false)) {
            throw CaseStore.forbidden("out-of-department", "用户 " + actor.user() + " 只能为本部门"
                    + actor.department().map(d -> " " + d).orElse("") + "办理，不能为 " + departmentId + " 办理");
        }
    }

    @Override
    public AuthorizationLetter file(String departmentId, String staff, Set<String> matterCodes, CaseActor actor) {
        String dept = departmentId == null ? "" : departmentId.strip().toUpperCase(Locale.ROOT);
        requireOwnDepartment(dept, actor);
        if (staff == null || !staff.strip().matches("[A-Za-z0-9._@-]{1,128}")) {
            throw CaseStore.invalid("invalid-staff", "授权书须写明被授权人员的用户名（1-128位字母、数字或 . _ @ -）");
        }
        if (matterCodes.isEmpty() || matterCodes.size() > 500) {
            throw CaseStore.invalid("no-matters", "授权书须列出1至500个授权事项");
        }
        for (String code : matterCodes) {
            Optional<Matter> m = catalog.matter(code);
            if (m.isEmpty() || !m.get().departmentId().equals(dept)) {
                throw CaseStore.invalid("unknown-matter", "事项 " + code + " 不是 " + dept + " 在大厅办理的事项，不能授权");
            }
        }
        CaseStore.Done<Long> done = store.write((c, tx) -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO authorization_letter (department_id, staff, filed_by, filed_at) "
                    + "VALUES (?, ?, ?, ?)", new String[] {"id"})) {
                ps.setString(1, dept);
                ps.setString(2, staff.strip());
                ps.setString(3, actor.user());
                ps.setTimestamp(4, Timestamp.from(tx.at()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO authorization_matter (letter_id, matter_code) VALUES (?, ?)")) {
                for (String code : new TreeSet<>(matterCodes)) {
                    ps.setLong(1, id);
                    ps.setString(2, code);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            tx.audit(new AuditEvent("case-authorization-file", actor.user(), actor.origin(), dept + ":" + staff.strip(),
                    AuditEvent.SUCCESS, "授权书 #" + id + "：" + String.join("、", new TreeSet<>(matterCodes))));
            return id;
        });
        store.recordAudit(done);
        return letter(done.result()).orElseThrow();
    }

    @Override
    public AuthorizationLetter revoke(long id, CaseActor actor) {
        AuthorizationLetter letter = letter(id).orElseThrow(() -> CaseStore.notFound("unknown-letter", "没有授权书 #" + id));
        requireOwnDepartment(letter.departmentId(), actor);
        if (letter.revokedAt().isPresent()) {
            throw CaseStore.conflict("already-revoked", "授权书 #" + id + " 已于 " + letter.revokedAt().get() + " 撤销");
        }
        CaseStore.Done<Integer> done = store.write((c, tx) -> {
            tx.audit(new AuditEvent("case-authorization-revoke", actor.user(), actor.origin(), letter.departmentId() + ":" + letter.staff(),
                    AuditEvent.SUCCESS, "撤销授权书 #" + id));
            try (PreparedStatement ps = c.prepareStatement("UPDATE authorization_letter SET revoked_at = ?, revoked_by = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(tx.at()));
                ps.setString(2, actor.user());
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
        store.recordAudit(done);
        return letter(id).orElseThrow();
    }

    private Optional<AuthorizationLetter> letter(long id) {
        List<AuthorizationLetter> found = store.read((c, tx) -> read(c, "WHERE l.id = ?", id));
        return found.stream().findFirst();
    }

    @Override
    public List<AuthorizationLetter> letters(String departmentId) {
        return store.read((c, tx) -> departmentId == null || departmentId.isEmpty() ? read(c, "")
                : read(c, "WHERE l.department_id = ?", departmentId.toUpperCase(Locale.ROOT)));
    }

    @Override
    public boolean authorized(String staff, String matterCode) {
        return store.read((c, tx) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM authorization_letter l JOIN authorization_matter m "
                    + "ON m.letter_id = l.id WHERE l.staff = ? AND m.matter_code = ? AND l.revoked_at IS NULL")) {
                ps.setString(1, staff);
                ps.setString(2, matterCode);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static List<AuthorizationLetter> read(Connection c, String where, Object... params) throws SQLException {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        Map<Long, Set<String>> matters = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.id, l.department_id, l.staff, l.filed_by, l.filed_at, l.revoked_at, "
                + "m.matter_code FROM authorization_letter l LEFT JOIN authorization_matter m ON m.letter_id = l.id " + where
                + " ORDER BY l.id DESC, m.matter_code")) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    rows.putIfAbsent(id, new Object[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5), rs.getTimestamp(6)});
                    Set<String> codes = matters.computeIfAbsent(id, k -> new TreeSet<>());
                    if (rs.getString(7) != null) {
                        codes.add(rs.getString(7));
                    }
                }
            }
        }
        List<AuthorizationLetter> out = new ArrayList<>();
        rows.forEach((id, r) -> out.add(new AuthorizationLetter(id, (String) r[0], (String) r[1], matters.get(id), (String) r[2],
                ((Timestamp) r[3]).toInstant(), Optional.ofNullable((Timestamp) r[4]).map(Timestamp::toInstant))));
        return out;
    }
}
