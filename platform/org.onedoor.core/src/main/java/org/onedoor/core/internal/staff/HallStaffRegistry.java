package org.onedoor.core.internal.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.DispatchForm;
import org.onedoor.api.staff.DispatchRequest;
import org.onedoor.api.staff.FormKind;
import org.onedoor.api.staff.FormState;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.staff.StaffException.Reason;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.api.staff.StaffRegistry;
import org.onedoor.api.staff.StaffState;
import org.onedoor.api.staff.Training;
import org.onedoor.api.staff.TrainingResult;
import org.onedoor.api.user.HallUser;
import org.onedoor.api.user.HallUsers;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The hall's staff registry on the hall database (R15, R16): each change is one transaction that
 * locks the rows it decides on, checks {@link StaffRules}, writes the change and its audit event
 * ({@link AuditOutbox}); a refused change is audited as refused. Days are the hall's
 * ({@link HallClock}).
 */
@Component(service = {StaffRegistry.class, HallStaffRegistry.class})
public final class HallStaffRegistry implements StaffRegistry {

    /** Largest photo kept. */
    static final int MAX_PHOTO_BYTES = 512 * 1024;

    private final HallDatabase database;
    private final HallClock clock;
    private final DepartmentDirectory departments;
    private final HallUsers users;

    @Activate
    public HallStaffRegistry(@Reference HallDatabase database, @Reference AuditOutbox audit, @Reference HallClock clock,
            @Reference DepartmentDirectory departments, @Reference HallUsers users) {
        this.database = database;
        this.clock = clock;
        this.departments = departments;
        this.users = users;
        this.changes = new StaffChanges(database, audit);
    }

    private final StaffChanges changes;

    @Override
    public List<StaffMember> members(Optional<String> unitId) {
        return database.withHandle(h -> StaffStore.members(h, unitId.orElse("")));
    }

    @Override
    public Optional<StaffMember> member(long id) {
        return database.withHandle(h -> StaffStore.member(h, id));
    }

    @Override
    public Optional<StaffMember> memberOfUser(String userName) {
        return database.withHandle(h -> StaffStore.ofUser(h, userName));
    }

    @Override
    public DispatchForm fileDispatch(DispatchRequest r, HallPrincipal actor, String origin) {
        String unit = r.unitId() == null ? "" : r.unitId().strip().toUpperCase(Locale.ROOT);
        return change("staff-dispatch-file", actor, origin, unit + "/" + r.userName(), h -> {
            StaffRules.mayFile(actor, unit);
            if (departments.department(unit).isEmpty()) {
                throw new StaffException(Reason.INVALID, "unknown-department", "unitId: 没有单位 " + unit + " (no such unit)", "unitId");
            }
            if (r.post() == null) {
                throw new StaffException(Reason.INVALID, "missing-post", "post: 请选择岗位 (post is required)", "post");
            }
            String name = StaffRules.text("realName", r.realName(), 64);
            String reason = StaffRules.text("reason", r.reason(), 1000);
            String userName = StaffRules.text("userName", r.userName(), 64);
            Optional<HallUser> user = users.user(userName);
            if (user.isEmpty() || user.get().disabled()) {
                throw new StaffException(Reason.INVALID, "unknown-user", "userName: 没有可用的大厅用户 " + userName
                        + "，请先由管理员建立账号 (no enabled hall user of that name: the admin creates the account first)", "userName");
            }
            Optional<StaffMember> live = StaffStore.ofUser(h, userName)
                    .filter(m -> m.state() == StaffState.PENDING || m.state() == StaffState.ACTIVE);
            if (live.isPresent()) {
                throw new StaffException(Reason.CONFLICT, "user-has-staff-record", "userName: 用户 " + userName + " 已关联工作人员 "
                        + live.get().realName() + "（" + live.get().state() + "），先撤回再派驻 (the user is linked to a pending or active"
                        + " staff record already)", "userName");
            }
            Instant now = clock.now();
            long staffId = StaffStore.insertMember(h, name, unit, r.post(), userName, now);
            long formId = StaffStore.insertForm(h, FormKind.DISPATCH, staffId, unit, reason, actor.user(), now);
            DispatchForm form = StaffStore.form(h, formId).orElseThrow();
            return changes.done(h, form, new AuditEvent("staff-dispatch-file", actor.user(), origin, "staff-form:" + formId,
                    AuditEvent.SUCCESS, unit + " 派驻 " + r.post().chinese() + " " + name + " (user " + userName + "), 待大厅审核"));
        });
    }

    @Override
    public DispatchForm fileWithdrawal(long staffId, String reason, HallPrincipal actor, String origin) {
        return change("staff-withdrawal-file", actor, origin, "staff:" + staffId, h -> {
            StaffMember m = StaffStore.lockMember(h, staffId).orElseThrow(() -> unknownMember(staffId));
            StaffRules.mayFile(actor, m.unitId());
            if (m.state() != StaffState.ACTIVE) {
                throw new StaffException(Reason.CONFLICT, "not-active", "工作人员 " + m.realName() + " 处于 " + m.state()
                        + " 状态，只有在岗人员可以撤回 (only an active staff member is withdrawn)");
            }
            if (StaffStore.formAwaiting(h, staffId)) {
                throw new StaffException(Reason.CONFLICT, "form-pending", "该工作人员已有待大厅审核的表单 (a form for this member awaits the hall)");
            }
            String why = StaffRules.text("reason", reason, 1000);
            long formId = StaffStore.insertForm(h, FormKind.WITHDRAWAL, staffId, m.unitId(), why, actor.user(), clock.now());
            return changes.done(h, StaffStore.form(h, formId).orElseThrow(), new AuditEvent("staff-withdrawal-file",
                    actor.user(), origin, "staff-form:" + formId, AuditEvent.SUCCESS, m.unitId() + " 撤回 " + m.post().chinese() + " "
                            + m.realName() + " " + m.staffNumber().orElse("") + ", 待大厅审核"));
        });
    }

    @Override
    public DispatchForm approve(long formId, Optional<String> agreement, HallPrincipal actor, String origin) {
        return change("staff-form-approve", actor, origin, "staff-form:" + formId, h -> {
            DispatchForm f = StaffStore.lockForm(h, formId).orElseThrow(() -> unknownForm(formId));
            StaffRules.mayDecide(actor, f);
            StaffMember m = StaffStore.lockMember(h, f.staffId()).orElseThrow();
            LocalDate today = clock.today();
            Optional<String> recorded;
            String detail;
            if (f.kind() == FormKind.DISPATCH) {
                List<StaffMember> replaced = m.post().twoYearLock() ? StaffStore.activeHolders(h, m.unitId(), m.post()) : List.of();
                recorded = Optional.empty();
                for (StaffMember old : replaced) {
                    Optional<String> a = StaffRules.checkLock(old, today, agreement, true);
                    recorded = a.isPresent() ? a : recorded;
                    StaffStore.end(h, old.id(), StaffState.WITHDRAWN, Optional.of(today));
                }
                String number = StaffRules.staffNumber(StaffStore.nextNumber(h));
                StaffStore.activate(h, m.id(), number, today);
                detail = m.unitId() + " 派驻 " + m.post().chinese() + " " + m.realName() + " 生效, 工号 " + number
                        + (replaced.isEmpty() ? "" : ", 更换 " + String.join(", ", replaced.stream().map(o -> o.realName() + " "
                                + o.staffNumber().orElse("")).toList())) + "; 单位签字 " + f.filedBy();
            } else {
                recorded = StaffRules.checkLock(m, today, agreement, false);
                StaffStore.end(h, m.id(), StaffState.WITHDRAWN, Optional.of(today));
                detail = m.unitId() + " 撤回 " + m.post().chinese() + " " + m.realName() + " " + m.staffNumber().orElse("")
                        + " 生效; 单位签字 " + f.filedBy();
            }
            StaffStore.decide(h, formId, FormState.APPROVED, actor.user(), clock.now(), "", recorded);
            return changes.done(h, StaffStore.form(h, formId).orElseThrow(), new AuditEvent("staff-form-approve", actor.user(),
                    origin, "staff-form:" + formId, AuditEvent.SUCCESS, detail + recorded.map(a -> "; 大厅同意 " + a).orElse("")));
        });
    }

    @Override
    public DispatchForm reject(long formId, String reason, HallPrincipal actor, String origin) {
        return change("staff-form-reject", actor, origin, "staff-form:" + formId, h -> {
            DispatchForm f = StaffStore.lockForm(h, formId).orElseThrow(() -> unknownForm(formId));
            StaffRules.mayDecide(actor, f);
            String why = StaffRules.text("reason", reason, 1000);
            if (f.kind() == FormKind.DISPATCH) {
                StaffStore.end(h, f.staffId(), StaffState.REJECTED, Optional.empty());
            }
            StaffStore.decide(h, formId, FormState.REJECTED, actor.user(), clock.now(), why, Optional.empty());
            return changes.done(h, StaffStore.form(h, formId).orElseThrow(), new AuditEvent("staff-form-reject", actor.user(),
                    origin, "staff-form:" + formId, AuditEvent.SUCCESS, f.kind().chinese() + " 退回: " + why));
        });
    }

    @Override
    public List<DispatchForm> forms(Optional<FormState> state, Optional<String> unitId) {
        return database.withHandle(h -> StaffStore.forms(h, state.map(Enum::name).orElse(""), unitId.orElse("")));
    }

    @Override
    public Optional<DispatchForm> form(long id) {
        return database.withHandle(h -> StaffStore.form(h, id));
    }

    @Override
    public Training recordTraining(long staffId, String course, LocalDate trainedOn, TrainingResult result, HallPrincipal actor,
            String origin) {
        return change("staff-training", actor, origin, "staff:" + staffId, h -> {
            if (trainedOn == null || result == null) {
                throw new StaffException(Reason.INVALID, "missing-" + (trainedOn == null ? "trainedOn" : "result"),
                        (trainedOn == null ? "trainedOn" : "result") + ": 不能为空 (required)", trainedOn == null ? "trainedOn" : "result");
            }
            StaffRules.mayRecordTraining(actor, trainedOn, clock.today());
            String what = StaffRules.text("course", course, 100);
            StaffMember m = StaffStore.lockMember(h, staffId).orElseThrow(() -> unknownMember(staffId));
            if (m.state() != StaffState.PENDING && m.state() != StaffState.ACTIVE) {
                throw new StaffException(Reason.CONFLICT, "not-active", "工作人员 " + m.realName() + " 已 " + m.state()
                        + "，不再记录培训 (trainings are recorded for pending or active staff)");
            }
            long id = StaffStore.insertTraining(h, staffId, what, trainedOn, result, actor.user(), clock.now());
            Training t = StaffStore.trainings(h, staffId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
            return changes.done(h, t, new AuditEvent("staff-training", actor.user(), origin, "staff:" + staffId,
                    AuditEvent.SUCCESS, m.realName() + " 岗前培训 " + what + " " + trainedOn + " " + result.chinese()));
        });
    }

    @Override
    public List<Training> trainings(long staffId) {
        return database.withHandle(h -> StaffStore.trainings(h, staffId));
    }

    @Override
    public StaffMember setPhoto(long staffId, byte[] image, HallPrincipal actor, String origin) {
        return change("staff-photo", actor, origin, "staff:" + staffId, h -> {
            StaffMember m = StaffStore.lockMember(h, staffId).orElseThrow(() -> unknownMember(staffId));
            boolean hall = actor.holdsAny(StaffRules.HALL_STAFF);
            boolean unit = actor.holdsAny(java.util.Set.of("department")) && actor.department().map(m.unitId()::equals).orElse(false);
            if (!hall && !unit) {
                throw new StaffException(Reason.FORBIDDEN, "out-of-department", "照片由大厅或本单位上传 (the hall or the member's unit uploads the photo)");
            }
            if (image == null || image.length == 0 || image.length > MAX_PHOTO_BYTES || !(jpeg(image) || png(image))) {
                throw new StaffException(Reason.INVALID, "invalid-photo", "photo: 须为 JPEG 或 PNG，不超过 512 KB (a JPEG or PNG of at most 512 KB)",
                        "photo");
            }
            StaffStore.putPhoto(h, staffId, Base64.getEncoder().encodeToString(image));
            return changes.done(h, StaffStore.member(h, staffId).orElseThrow(), new AuditEvent("staff-photo", actor.user(), origin,
                    "staff:" + staffId, AuditEvent.SUCCESS, m.realName() + " 照片 " + image.length + " B"));
        });
    }

    @Override
    public Optional<byte[]> photo(long staffId) {
        return database.withHandle(h -> StaffStore.photo(h, staffId)).map(Base64.getDecoder()::decode);
    }

    static boolean jpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
    }

    static boolean png(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private <T> T change(String action, HallPrincipal actor, String origin, String target,
            Function<Handle, StaffChanges.Done<T>> work) {
        return changes.run(action, actor, origin, target, work);
    }

    private static StaffException unknownMember(long id) {
        return new StaffException(Reason.NOT_FOUND, "unknown-staff", "没有工作人员记录 " + id + " (no such staff record)");
    }

    private static StaffException unknownForm(long id) {
        return new StaffException(Reason.NOT_FOUND, "unknown-form", "没有表单 " + id + " (no such form)");
    }

}
