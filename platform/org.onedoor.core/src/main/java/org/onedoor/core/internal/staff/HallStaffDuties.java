package org.onedoor.core.internal.staff;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.Duty;
import org.onedoor.api.staff.DutyKind;
import org.onedoor.api.staff.StaffDuties;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.staff.StaffException.Reason;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Duties kept apart (R17) on the hall database: an assignment locks the member's record and its
 * user's duties in force, checks {@link DutyRules} against them and the user's section chief's
 * letters, and writes the duty with its audit event in one transaction.
 */
@Component(service = StaffDuties.class)
public final class HallStaffDuties implements StaffDuties {

    private final HallDatabase database;
    private final HallClock clock;
    private final DepartmentDirectory departments;
    private final MatterCatalog catalog;
    private final StaffChanges changes;

    @Activate
    public HallStaffDuties(@Reference HallDatabase database, @Reference AuditOutbox audit, @Reference HallClock clock,
            @Reference DepartmentDirectory departments, @Reference MatterCatalog catalog) {
        this.database = database;
        this.clock = clock;
        this.departments = departments;
        this.catalog = catalog;
        this.changes = new StaffChanges(database, audit);
    }

    @Override
    public Duty assign(long staffId, DutyKind kind, String unitId, String matterCode, HallPrincipal actor, String origin) {
        String unit = unitId == null ? "" : unitId.strip().toUpperCase(Locale.ROOT);
        String matter = matterCode == null ? "" : matterCode.strip().toUpperCase(Locale.ROOT);
        return changes.run("staff-duty-assign", actor, origin, "staff:" + staffId, h -> {
            if (kind == null) {
                throw new StaffException(Reason.INVALID, "missing-duty", "duty: 请选择职责 APPROVAL 或 SUPERVISION (duty is required)", "duty");
            }
            if (departments.department(unit).isEmpty()) {
                throw new StaffException(Reason.INVALID, "unknown-department", "unitId: 没有单位 " + unit + " (no such unit)", "unitId");
            }
            DutyRules.mayAssign(actor, unit);
            if (!matter.isEmpty()) {
                Optional<Matter> m = catalog.matter(matter);
                if (m.isEmpty() || !m.get().departmentId().equals(unit)) {
                    throw new StaffException(Reason.INVALID, "unknown-matter", "matterCode: 事项 " + matter + " 不是 " + unit
                            + " 的事项 (not a matter of that unit)", "matterCode");
                }
            }
            StaffMember member = StaffStore.lockMember(h, staffId)
                    .orElseThrow(() -> new StaffException(Reason.NOT_FOUND, "unknown-staff", "没有工作人员记录 " + staffId + " (no such staff record)"));
            List<Duty> held = DutyStore.ofUser(h, member.userName());
            DutyRules.checkAssign(member, kind, unit, matter, held, DutyStore.sectionChiefMatters(h, member.userName(), unit, clock.today()));
            long id = DutyStore.insert(h, staffId, member.userName(), kind, unit, matter, actor.user(), clock.now());
            Duty duty = DutyStore.duty(h, id).orElseThrow();
            return changes.done(h, duty, new AuditEvent("staff-duty-assign", actor.user(), origin, "staff:" + staffId, AuditEvent.SUCCESS,
                    member.realName() + " " + member.staffNumber().orElse("") + " 承担 " + unit + (matter.isEmpty() ? " 全部事项" : " 事项 " + matter)
                            + " 的" + kind.chinese() + "职责 #" + id));
        });
    }

    @Override
    public Duty end(long dutyId, HallPrincipal actor, String origin) {
        return changes.run("staff-duty-end", actor, origin, "staff-duty:" + dutyId, h -> {
            Duty duty = DutyStore.duty(h, dutyId)
                    .orElseThrow(() -> new StaffException(Reason.NOT_FOUND, "unknown-duty", "没有在任的职责 #" + dutyId + " (no such duty in force)"));
            DutyRules.mayAssign(actor, duty.unitId());
            if (DutyStore.end(h, dutyId, actor.user(), clock.now()) == 0) {
                throw new StaffException(Reason.CONFLICT, "duty-ended", "职责 #" + dutyId + " 已结束 (the duty has ended already)");
            }
            return changes.done(h, duty, new AuditEvent("staff-duty-end", actor.user(), origin, "staff-duty:" + dutyId, AuditEvent.SUCCESS,
                    duty.realName() + " 不再承担 " + duty.unitId() + " 的" + duty.kind().chinese() + "职责"));
        });
    }

    @Override
    public List<Duty> duties(Optional<String> unitId) {
        return database.withHandle(h -> DutyStore.ofUnit(h, unitId.map(u -> u.toUpperCase(Locale.ROOT)).orElse("")));
    }
}
