package org.onedoor.core.internal.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.cases.AuthorizationLetter;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseAuthorizations;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.LetterKind;
import org.onedoor.api.cases.LetterRequest;
import org.onedoor.api.cases.LetterStanding;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.api.staff.StaffState;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.staff.DutyRules;
import org.onedoor.core.internal.staff.DutyStore;
import org.onedoor.core.internal.staff.StaffStore;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Authorization letters (R6) on the store: letters of before the registry (a user name, in force until
 * revoked) and letters to registered staff (kind, member, validity period, in force once filed with the
 * hall); writing, filing with the hall and revoking are recorded in the audit trail.
 */
@Component(service = CaseAuthorizations.class)
public final class JdbcCaseAuthorizations implements CaseAuthorizations {

    private final CaseStore store;
    private final MatterCatalog catalog;
    private final AuditTrail audit;
    private final HallClock hallClock;

    @Activate
    public JdbcCaseAuthorizations(@Reference HallDatabase database, @Reference AuditOutbox outbox,
            @Reference MatterCatalog catalog, @Reference AuditTrail audit, @Reference HallClock hallClock) {
        this(database, outbox, catalog, audit, hallClock.clock(), hallClock);
    }

    JdbcCaseAuthorizations(HallDatabase database, AuditOutbox outbox, MatterCatalog catalog, AuditTrail audit, Clock clock) {
        this(database, outbox, catalog, audit, clock, HallClock.of(clock));
    }

    private JdbcCaseAuthorizations(HallDatabase database, AuditOutbox outbox, MatterCatalog catalog, AuditTrail audit, Clock clock,
            HallClock hallClock) {
        this.store = new CaseStore(database, outbox, clock);
        this.catalog = catalog;
        this.audit = audit;
        this.hallClock = hallClock;
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
        checkMatters(dept, matterCodes);
        CaseStore.Done<Long> done = store.write((h, tx) -> {
            long id = h.createUpdate("INSERT INTO authorization_letter (department_id, staff, filed_by, filed_at)"
                    + " VALUES (:dept, :staff, :by, :at)")
                    .bind("dept", dept).bind("staff", staff.strip()).bind("by", actor.user()).bind("at", tx.at())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            addMatters(h, id, matterCodes);
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
        CaseStore.Done<Integer> done = store.write((h, tx) -> {
            tx.audit(new AuditEvent("case-authorization-revoke", actor.user(), actor.origin(), letter.departmentId() + ":" + letter.staff(),
                    AuditEvent.SUCCESS, "撤销授权书 #" + id));
            return h.createUpdate("UPDATE authorization_letter SET revoked_at = :at, revoked_by = :by WHERE id = :id")
                    .bind("at", tx.at()).bind("by", actor.user()).bind("id", id).execute();
        });
        store.recordAudit(done);
        return letter(id).orElseThrow();
    }

    @Override
    public AuthorizationLetter file(LetterRequest r, CaseActor actor) {
        String dept = r.departmentId() == null ? "" : r.departmentId().strip().toUpperCase(Locale.ROOT);
        requireOwnDepartment(dept, actor);
        if (r.kind() == null) {
            throw invalidField("missing-kind", "kind", "kind: 请写明授权书类别 SECTION_CHIEF、CHIEF_REPRESENTATIVE 或 WINDOW_STAFF (the letter's kind is required)");
        }
        checkMatters(dept, r.matterCodes());
        LocalDate today = hallClock.today();
        if (r.validFrom() == null || r.validUntil() == null || r.validUntil().isBefore(r.validFrom())) {
            throw invalidField("invalid-validity", r.validUntil() == null ? "validUntil" : "validFrom", "授权书须写明有效期 validFrom 至 validUntil，"
                    + "且截止日不早于起始日 (a letter is valid from validFrom to validUntil, in that order)");
        }
        if (r.validUntil().isBefore(today)) {
            throw invalidField("invalid-validity", "validUntil", "validUntil: 有效期截止日 " + r.validUntil() + " 已过，不能出具过期授权书"
                    + " (the period has ended already)");
        }
        CaseStore.Done<Long> done = store.write((h, tx) -> {
            StaffMember m = StaffStore.member(h, r.staffId()).orElseThrow(() -> CaseStore.notFound("unknown-staff",
                    "staffId: 没有工作人员记录 " + r.staffId() + " (no such staff record)"));
            if (m.state() != StaffState.ACTIVE || !m.unitId().equals(dept)) {
                throw invalidField("staff-not-of-department", "staffId", "staffId: " + m.realName() + " 不是 " + dept + " 在岗的工作人员（"
                        + m.unitId() + "，" + m.state() + "），不能为其出具授权书 (the letter is written to an active staff member of the department)");
            }
            if (!m.post().name().equals(r.kind().name())) {
                throw invalidField("kind-not-post", "kind", "kind: " + m.realName() + " 的岗位是" + m.post().chinese() + "，不能出具"
                        + r.kind().chinese() + " (the letter's kind is the member's post: " + m.post().english() + ")");
            }
            if (r.kind() == LetterKind.SECTION_CHIEF) {
                try {
                    DutyRules.checkChiefLetter(m.realName(), dept, r.matterCodes(), DutyStore.ofUser(h, m.userName()));
                } catch (StaffException e) {
                    throw new CaseException(CaseException.Reason.CONFLICT, e.code(), e.getMessage());
                }
            }
            long id = h.createUpdate("INSERT INTO authorization_letter (department_id, staff, filed_by, filed_at, kind, staff_id,"
                    + " valid_from, valid_until) VALUES (:dept, :staff, :by, :at, :kind, :staffId, :from, :until)")
                    .bind("dept", dept).bind("staff", m.userName()).bind("by", actor.user()).bind("at", tx.at()).bind("kind", r.kind().name())
                    .bind("staffId", m.id()).bind("from", r.validFrom()).bind("until", r.validUntil())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            addMatters(h, id, r.matterCodes());
            tx.audit(new AuditEvent("case-authorization-file", actor.user(), actor.origin(), dept + ":" + m.userName(), AuditEvent.SUCCESS,
                    r.kind().chinese() + " #" + id + " " + m.staffNumber().orElse("") + " " + m.realName() + " " + r.validFrom() + "~"
                            + r.validUntil() + "：" + String.join("、", new TreeSet<>(r.matterCodes())) + "（待大厅备案）"));
            return id;
        });
        store.recordAudit(done);
        return letter(done.result()).orElseThrow();
    }

    @Override
    public AuthorizationLetter fileWithHall(long id, CaseActor actor) {
        if (!actor.holdsAny("admin", "operator", "supervisor")) {
            throw CaseStore.forbidden("not-hall-staff", "授权书由大厅（管理员、运营人员、督查人员）备案 (R6) (the hall takes letters on file)");
        }
        AuthorizationLetter letter = letter(id).orElseThrow(() -> CaseStore.notFound("unknown-letter", "没有授权书 #" + id));
        if (letter.kind().isEmpty() || letter.hallFiledAt().isPresent() || letter.revokedAt().isPresent()) {
            throw CaseStore.conflict("letter-not-to-file", "授权书 #" + id + (letter.revokedAt().isPresent() ? " 已撤销" : letter.kind().isEmpty()
                    ? " 是登记制度前的授权书，无需备案" : " 已于 " + letter.hallFiledAt().get() + " 备案") + " (nothing to file)");
        }
        CaseStore.Done<Integer> done = store.write((h, tx) -> {
            tx.audit(new AuditEvent("case-authorization-hall-file", actor.user(), actor.origin(), letter.departmentId() + ":" + letter.staff(),
                    AuditEvent.SUCCESS, "大厅备案授权书 #" + id));
            return h.createUpdate("UPDATE authorization_letter SET hall_filed_by = :by, hall_filed_at = :at WHERE id = :id"
                    + " AND hall_filed_at IS NULL").bind("by", actor.user()).bind("at", tx.at()).bind("id", id).execute();
        });
        store.recordAudit(done);
        return letter(id).orElseThrow();
    }

    @Override
    public LetterStanding standing(String staff, String matterCode) {
        LocalDate today = hallClock.today();
        List<AuthorizationLetter> covering = store.read((h, tx) -> read(h.createQuery(OF_STAFF).bind("staff", staff))).stream()
                .filter(l -> l.matterCodes().contains(matterCode)).toList();
        LetterStanding best = LetterStanding.NONE;
        for (AuthorizationLetter l : covering) {
            LetterStanding s = l.standingOn(today);
            if (s.ordinal() < best.ordinal() || best == LetterStanding.NONE) {
                best = s;
            }
        }
        return best;
    }

    private void checkMatters(String dept, Set<String> matterCodes) {
        if (matterCodes.isEmpty() || matterCodes.size() > 500) {
            throw CaseStore.invalid("no-matters", "授权书须列出1至500个授权事项");
        }
        for (String code : matterCodes) {
            Optional<Matter> m = catalog.matter(code);
            if (m.isEmpty() || !m.get().departmentId().equals(dept)) {
                throw CaseStore.invalid("unknown-matter", "事项 " + code + " 不是 " + dept + " 在大厅办理的事项，不能授权");
            }
        }
    }

    private static CaseException invalidField(String code, String field, String message) {
        return new CaseException(CaseException.Reason.INVALID, code, message, field);
    }

    private Optional<AuthorizationLetter> letter(long id) {
        return store.read((h, tx) -> read(h.createQuery(BY_ID).bind("id", id))).stream().findFirst();
    }

    @Override
    public List<AuthorizationLetter> letters(String departmentId) {
        return store.read((h, tx) -> departmentId == null || departmentId.isEmpty() ? read(h.createQuery(ALL))
                : read(h.createQuery(OF_DEPARTMENT).bind("dept", departmentId.toUpperCase(Locale.ROOT))));
    }

    @Override
    public boolean authorized(String staff, String matterCode) {
        return standing(staff, matterCode) == LetterStanding.IN_FORCE;
    }

    /** Adds the letter's matters, in code order, as one batch. */
    private static void addMatters(Handle h, long id, Set<String> matterCodes) {
        var batch = h.prepareBatch("INSERT INTO authorization_matter (letter_id, matter_code) VALUES (:id, :code)");
        for (String code : new TreeSet<>(matterCodes)) {
            batch.bind("id", id).bind("code", code).add();
        }
        batch.execute();
    }

    private static final String LETTERS = "SELECT l.id, l.department_id, l.staff, l.filed_by, l.filed_at, l.revoked_at, m.matter_code,"
            + " l.kind, l.staff_id, l.valid_from, l.valid_until, l.hall_filed_by, l.hall_filed_at FROM authorization_letter l"
            + " LEFT JOIN authorization_matter m ON m.letter_id = l.id ";
    private static final String NEWEST_FIRST = " ORDER BY l.id DESC, m.matter_code";
    private static final String ALL = LETTERS + NEWEST_FIRST;
    private static final String BY_ID = LETTERS + "WHERE l.id = :id" + NEWEST_FIRST;
    private static final String OF_STAFF = LETTERS + "WHERE l.staff = :staff" + NEWEST_FIRST;
    private static final String OF_DEPARTMENT = LETTERS + "WHERE l.department_id = :dept" + NEWEST_FIRST;

    /** One row of {@link #LETTERS}: a letter without its matters, and one of its matters (null for none). */
    private record LetterRow(AuthorizationLetter letter, String matterCode) {
    }

    private static final RowMapper<LetterRow> LETTER_ROW = (rs, ctx) -> new LetterRow(new AuthorizationLetter(rs.getLong("id"),
            rs.getString("department_id"), rs.getString("staff"), Set.of(), rs.getString("filed_by"), rs.getTimestamp("filed_at").toInstant(),
            Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant),
            Optional.ofNullable(rs.getString("kind")).map(LetterKind::valueOf), rs.getLong("staff_id"),
            Optional.ofNullable(rs.getObject("valid_from", LocalDate.class)), Optional.ofNullable(rs.getObject("valid_until", LocalDate.class)),
            Optional.ofNullable(rs.getString("hall_filed_by")), Optional.ofNullable(rs.getTimestamp("hall_filed_at")).map(Timestamp::toInstant)),
            rs.getString("matter_code"));

    /** @return the letters of the query's rows (one row per letter and matter), in the rows' order, each with its matters */
    private static List<AuthorizationLetter> read(Query query) {
        Map<Long, AuthorizationLetter> letters = new LinkedHashMap<>();
        Map<Long, Set<String>> matters = new LinkedHashMap<>();
        for (LetterRow row : query.map(LETTER_ROW).list()) {
            long id = row.letter().id();
            letters.putIfAbsent(id, row.letter());
            Set<String> codes = matters.computeIfAbsent(id, k -> new TreeSet<>());
            if (row.matterCode() != null) {
                codes.add(row.matterCode());
            }
        }
        return letters.values().stream().map(l -> new AuthorizationLetter(l.id(), l.departmentId(), l.staff(), matters.get(l.id()),
                l.filedBy(), l.filedAt(), l.revokedAt(), l.kind(), l.staffId(), l.validFrom(), l.validUntil(), l.hallFiledBy(),
                l.hallFiledAt())).toList();
    }
}
