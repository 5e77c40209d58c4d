package org.onedoor.core.internal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterQuery;
import org.onedoor.api.matter.MatterType;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.DispatchRequest;
import org.onedoor.api.staff.Duty;
import org.onedoor.api.staff.DutyKind;
import org.onedoor.api.staff.Post;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.audit.JdbcAuditTrail;
import org.onedoor.core.internal.time.MovableClock;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;

/** R17 on the real migrated database with the real audit trail: duties assigned, refused with the rule named, ended. */
class HallStaffDutiesTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T02:00:00Z"));
    private final DataSource ds = TestStore.migrated();
    private final HallDatabase database = new HallDatabase(ds);
    private final JdbcAuditTrail chain = new JdbcAuditTrail(database, clock.hall());
    private final AuditOutbox outbox = new AuditOutbox(database, chain, clock.hall());
    private final HallStaffRegistry registry = new HallStaffRegistry(database, outbox, clock.hall(), HallStaffRegistryTest.departments(),
            HallStaffRegistryTest.users(database));
    private final HallStaffDuties duties = new HallStaffDuties(database, outbox, clock.hall(), HallStaffRegistryTest.departments(), catalog());

    private static final HallPrincipal A17 = new HallPrincipal("dept-a17", Set.of("department"), Optional.of("A17"));
    private static final HallPrincipal ADMIN = new HallPrincipal("admin", Set.of("admin"), Optional.empty());

    private StaffMember dispatched(String user, String name, Post post) {
        long form = registry.fileDispatch(new DispatchRequest(name, "A17", post, user, "进驻"), A17, "test").id();
        return registry.member(registry.approve(form, Optional.empty(), ADMIN, "test").staffId()).orElseThrow();
    }

    private List<String> audited() {
        return chain.recent(null, null, 200).stream().map(r -> r.event().action() + "/" + r.event().outcome()).collect(Collectors.toList());
    }

    @Test
    void approvalAndSupervisionAreKeptApartAndTheRefusalIsAudited() {
        StaffMember chief = dispatched("li.na", "李娜", Post.SECTION_CHIEF);
        StaffMember clerk = dispatched("wang.wei", "王伟", Post.WINDOW_STAFF);
        Duty approval = duties.assign(chief.id(), DutyKind.APPROVAL, "a17", "", A17, "test");
        assertEquals("A17", approval.unitId());
        StaffException e = assertThrows(StaffException.class, () -> duties.assign(chief.id(), DutyKind.SUPERVISION, "A17", "A17-001", ADMIN, "test"));
        assertEquals(DutyRules.CODE, e.code());
        assertTrue(e.getMessage().contains("R17"), e.getMessage());
        assertTrue(audited().contains("staff-duty-assign/refused"), audited().toString());

        Duty supervision = duties.assign(clerk.id(), DutyKind.SUPERVISION, "A17", "A17-001", ADMIN, "test");
        assertEquals(DutyRules.CODE, assertThrows(StaffException.class,
                () -> duties.assign(clerk.id(), DutyKind.APPROVAL, "A17", "", ADMIN, "test")).code(), "one user, one side of a unit");
        assertEquals(List.of(approval.id(), supervision.id()), duties.duties(Optional.of("A17")).stream().map(Duty::id).toList());

        duties.end(supervision.id(), ADMIN, "test");
        assertEquals("unknown-duty", assertThrows(StaffException.class, () -> duties.end(supervision.id(), ADMIN, "test")).code());
        assertEquals(DutyKind.APPROVAL, duties.assign(clerk.id(), DutyKind.APPROVAL, "A17", "", ADMIN, "test").kind(),
                "once supervision ended the user may approve");
        assertTrue(audited().contains("staff-duty-end/success"), audited().toString());
        assertTrue(chain.verify().intact());
    }

    @Test
    void aDutyNamesAMatterOfItsUnitAndIsAssignedByTheHallOrTheUnit() {
        StaffMember clerk = dispatched("wang.wei", "王伟", Post.WINDOW_STAFF);
        StaffException matter = assertThrows(StaffException.class, () -> duties.assign(clerk.id(), DutyKind.SUPERVISION, "A17", "A26-001",
                ADMIN, "test"));
        assertEquals("unknown-matter", matter.code());
        assertEquals("matterCode", matter.field());
        assertEquals("out-of-department", assertThrows(StaffException.class, () -> duties.assign(clerk.id(), DutyKind.APPROVAL, "A17", "",
                new HallPrincipal("dept-a26", Set.of("department"), Optional.of("A26")), "test")).code());
        assertEquals("unknown-department", assertThrows(StaffException.class, () -> duties.assign(clerk.id(), DutyKind.APPROVAL, "Z99", "",
                ADMIN, "test")).code());
    }

    /** A17-001 of A17 and A26-001 of A26. */
    private static MatterCatalog catalog() {
        Map<String, Matter> all = Map.of("A17-001", matter("A17-001"), "A26-001", matter("A26-001"));
        return new MatterCatalog() {
            @Override
            public List<Matter> matters(MatterQuery query) {
                return List.copyOf(all.values());
            }

            @Override
            public Optional<Matter> matter(String code) {
                return Optional.ofNullable(all.get(code));
            }

            @Override
            public Map<String, Integer> countsByDepartment() {
                return Map.of();
            }

            @Override
            public List<String> validate(String code, Map<String, String> fields) {
                return List.of();
            }
        };
    }

    private static Matter matter(String code) {
        return new Matter(code, "事项" + code, "", code.substring(0, 3), "police", MatterType.ADMINISTRATIVE_LICENSE, List.of(), 20, 5, false,
                false, true, BigDecimal.ZERO, Set.of(), "rev-" + code);
    }
}
