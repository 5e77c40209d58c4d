package org.onedoor.core.internal.cases;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.cases.AcceptRequest;
import org.onedoor.api.cases.AlertKind;
import org.onedoor.api.cases.AcceptedBundle;
import org.onedoor.api.cases.AcceptedCase;
import org.onedoor.api.cases.BundleRequest;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseAuthorizations;
import org.onedoor.api.cases.CaseBundle;
import org.onedoor.api.cases.CaseBundles;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseHalls;
import org.onedoor.api.cases.CaseHistoryEntry;
import org.onedoor.api.cases.CaseQuery;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.Fees;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.SpecialStep;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case flow on the store (R3, R4, R6, R9, R11): acceptance of cases and bundles, the moves of a
 * case, and the reads. Every change is one transaction that locks the case row, checks the move
 * against the state diagram and the rules and writes the case's history ({@link CaseChanges});
 * handing results over and the citizen's locker pickup are {@link CaseDelivery}'s.
 */
@Component(service = {HallCases.class, CaseBundles.class}, configurationPid = "org.onedoor.cases",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CasesConfig.class)
public final class HallCaseService implements HallCases, CaseBundles {

    static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger LOG = LoggerFactory.getLogger(HallCaseService.class);

    private final CaseStore store;
    private final CaseIntake intake;
    private final CaseAuthorizations authorizations;
    private final CaseChanges changes;
    private final CaseDelivery delivery;
    private final AutoCloseable pickups;

    @Activate
    public HallCaseService(@Reference HallDatabase database, @Reference AuditOutbox outbox, @Reference MatterCatalog catalog,
            @Reference WorkingDayCalendar calendar, @Reference DepartmentDirectory departments, @Reference ZoneDirectory zones, @Reference CaseAuthorizations authorizations, @Reference AuditTrail audit,
            @Reference CaseEventHub hub, @Reference CaseLockers lockers, CasesConfig config) {
        this(database, outbox, catalog, calendar, departments, zones, authorizations, audit, hub, lockers, config, Clock.system(HALL_ZONE));
    }

    HallCaseService(HallDatabase database, AuditOutbox outbox, MatterCatalog catalog, WorkingDayCalendar calendar, DepartmentDirectory departments,
            ZoneDirectory zones, CaseAuthorizations authorizations, AuditTrail audit,
            CaseEventHub hub, CaseLockers lockers, CasesConfig config, Clock clock) {
        this.store = new CaseStore(database, outbox, clock);
        this.intake = new CaseIntake(catalog, calendar, departments, zones, config);
        this.authorizations = authorizations;
        this.changes = new CaseChanges(store, audit, hub);
        this.delivery = new CaseDelivery(store, changes, lockers);
        this.pickups = lockers.onPickup(delivery::pickedUp);
    }

    @Deactivate
    void stop() {
        try {
            pickups.close();
        } catch (Exception e) {
            LOG.debug("ending the pickup subscription: {}", e.getMessage());
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(store.now(), HALL_ZONE);
    }

    // ---- acceptance --------------------------------------------------------------------------

    @Override
    public AcceptedCase accept(AcceptRequest r, CaseActor actor) {
        LocalDate day = today();
        CaseIntake.Plan plan = intake.plan(r.matterCode(), r.received(), day);
        String code = CheckCodes.newCode();
        Accepted<HallCase> made = changes.change((c, tx) -> {
            CaseIntake.Counter at = intake.counter(c, r.channel(), r.window(), actor, List.of(plan.matter()), r.handlingHallId());
            if (!r.idempotencyKey().isEmpty()) {
                Optional<String> earlier = CaseIntake.byKey(c, CaseIntake.Keyed.CASE, r.idempotencyKey());
                if (earlier.isPresent()) {
                    return Accepted.replay(CaseRows.load(c, earlier.get(), false).orElseThrow());
                }
            }
            String number = CaseNumbers.next(c, plan.matter().departmentId(), day);
            intake.insertCase(c, tx, number, CheckCodes.hash(number, code), null, plan, r.applicant(), r.channel(), at, r.idempotencyKey());
            return Accepted.made(CaseRows.load(c, number, false).orElseThrow());
        });
        return new AcceptedCase(made.value(), made.replayed() ? "" : code, made.replayed());
    }

    @Override
    public AcceptedCase refuse(AcceptRequest r, String reason, CaseActor actor) {
        String why = CaseRules.endReason(CaseState.REFUSED_TO_ACCEPT, reason, false);
        LocalDate day = today();
        CaseIntake.Plan plan = intake.plan(r.matterCode(), r.received(), day, false);
        String code = CheckCodes.newCode();
        Accepted<HallCase> made = changes.change((c, tx) -> {
            CaseIntake.Counter at = intake.counter(c, r.channel(), r.window(), actor, List.of(plan.matter()), r.handlingHallId());
            if (!r.idempotencyKey().isEmpty()) {
                Optional<String> earlier = CaseIntake.byKey(c, CaseIntake.Keyed.CASE, r.idempotencyKey());
                if (earlier.isPresent()) {
                    return Accepted.replay(CaseRows.load(c, earlier.get(), false).orElseThrow());
                }
            }
            String number = CaseNumbers.next(c, plan.matter().departmentId(), day);
            intake.insertCase(c, tx, number, CheckCodes.hash(number, code), null, plan, r.applicant(), r.channel(), at, r.idempotencyKey(), why);
            return Accepted.made(CaseRows.load(c, number, false).orElseThrow());
        });
        return new AcceptedCase(made.value(), made.replayed() ? "" : code, made.replayed());
    }

    // ---- moves -------------------------------------------------------------------------------

    @Override
    public HallCase withdraw(String number, String reason, CaseActor actor) {
        return changes.move(number, actor, WindowBinding.Use.REQUIRED, "case-withdraw", "WITHDRAWN", (c, tx, before) -> {
            CaseRules.requireMove(before, CaseState.WITHDRAWN);
            String why = CaseRules.endReason(CaseState.WITHDRAWN, reason, true);
            CaseUpdate.ENDED.apply(c, before.number(), CaseState.WITHDRAWN, why.isEmpty() ? "申请人撤回申请" : why, Timestamp.from(tx.at()));
            return "申请人在窗口撤回申请" + (why.isEmpty() ? "" : "，理由：" + why);
        });
    }

    @Override
    public HallCase terminate(String number, String reason, CaseActor actor) {
        try {
            return changes.move(number, actor, WindowBinding.Use.NONE, "case-terminate", "TERMINATED", (c, tx, before) -> {
                CaseRules.requireDepartment(before, actor);
                CaseRules.requireMove(before, CaseState.TERMINATED);
                String why = CaseRules.endReason(CaseState.TERMINATED, reason, false);
                CaseUpdate.ENDED.apply(c, before.number(), CaseState.TERMINATED, why, Timestamp.from(tx.at()));
                return "终止办理，理由：" + why;
            });
        } catch (CaseException e) {
            if (e.reason() == CaseException.Reason.FORBIDDEN) {
                changes.refusedAudit("case-terminate", actor, number, e);
            }
            throw e;
        }
    }

    @Override
    public HallCase correct(String number, boolean approve, String reason, CaseActor actor) {
        try {
            return changes.move(number, actor, WindowBinding.Use.NONE, "case-correct", approve ? "APPROVED" : "REJECTED", (c, tx, before) -> {
                CaseRules.requireDepartment(before, actor);
                String why = CaseRules.requireCorrectable(before, reason);
                CaseState to = approve ? CaseState.APPROVED : CaseState.REJECTED;
                CaseUpdate.CORRECTION.apply(c, before.number(), to, to.name(), actor.user(), Timestamp.from(tx.at()), why);
                CaseState was = before.decision().orElseThrow();
                String original = "原结果：" + was.labelZh() + "（" + was + "，" + before.decidedBy() + "，"
                        + before.decidedAt().map(Object::toString).orElse("") + (before.decisionReason().isEmpty() ? "" : "，理由：" + before.decisionReason())
                        + (before.deliveredAt().isPresent() ? "，已于 " + before.deliveredAt().get() + " 送达" : "") + "）";
                String detail = "更正办理结果：" + original + " → 新结果：" + to.labelZh() + "（" + to + "），更正理由：" + why;
                CaseAlerts.raise(c, tx, before.number(), before.departmentId(), AlertKind.CORRECTED_RESULT,
                        "办件 " + before.number() + " 的办理结果已更正：" + was.labelZh() + " → " + to.labelZh() + "，理由：" + why);
                return detail;
            });
        } catch (CaseException e) {
            if (e.reason() == CaseException.Reason.FORBIDDEN) {
                changes.refusedAudit("case-correct", actor, number, e);
            }
            throw e;
        }
    }

    @Override
    public HallCase supply(String number, List<String> materials, CaseActor actor) {
        return changes.move(number, actor, WindowBinding.Use.NONE, "case-material", "MATERIALS_SUPPLIED", (c, tx, before) -> {
            CaseRules.requireSuppliable(before, materials);
            try (PreparedStatement ps = c.prepareStatement("UPDATE case_material SET received_at = ? WHERE case_no = ? AND name = ?")) {
                for (String name : materials) {
                    ps.setTimestamp(1, Timestamp.from(tx.at()));
                    ps.setString(2, before.number());
                    ps.setString(3, name);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            boolean complete = before.missingMaterials().size() == Set.copyOf(materials).size();
            (complete ? CaseUpdate.MATERIALS_COMPLETE : CaseUpdate.STATE).apply(c, before.number(), before.state());
            return "补交材料：" + String.join("、", materials) + (complete ? "；材料已齐全" : "");
        });
    }

    @Override
    public HallCase completeStep(String number, SpecialStep step, CaseActor actor) {
        return changes.move(number, actor, WindowBinding.Use.NONE, "case-step", "STEP_DONE", (c, tx, before) -> {
            CaseRules.requireDepartment(before, actor);
            if (!before.pendingSteps().contains(step)) {
                throw CaseStore.conflict("step-not-pending", "办件 " + before.number() + " 没有待完成的“" + step.labelZh() + "”；待完成："
                        + before.pendingSteps());
            }
            if (before.state() == CaseState.ACCEPTED) {
                CaseRules.requireMove(before, CaseState.SPECIAL_STEPS);
            } else if (before.state() != CaseState.SPECIAL_STEPS) {
                throw CaseStore.conflict("illegal-transition", "办件 " + before.number() + " 当前为 " + before.state() + "，不能办理特别程序");
            }
            Set<SpecialStep> done = steps(c, before.number()).done();
            done.add(step);
            CaseUpdate.STEPS_DONE.apply(c, before.number(), CaseState.SPECIAL_STEPS, CaseRows.stepList(done));
            return "完成特别程序：" + step.labelZh();
        });
    }

    /** @return the special steps a case's matter asked for and the ones done, as stored */
    private static Steps steps(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT special_steps, steps_done FROM hall_case WHERE case_no = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Steps(CaseRows.steps(rs.getString("special_steps")), CaseRows.steps(rs.getString("steps_done")));
            }
        }
    }

    private record Steps(Set<SpecialStep> asked, Set<SpecialStep> done) {
    }

    @Override
    public HallCase signOff(String number, boolean approve, String reason, CaseActor actor) {
        return signOff(number, approve, reason, Optional.empty(), actor);
    }

    @Override
    public HallCase signOff(String number, boolean approve, String reason, Optional<BigDecimal> fee, CaseActor actor) {
        Optional<BigDecimal> charged = checkedFee(fee);
        try {
            return changes.move(number, actor, WindowBinding.Use.REQUIRED, "case-sign-off", approve ? "APPROVED" : "REJECTED", (c, tx, before) -> {
                CaseState to = approve ? CaseState.APPROVED : CaseState.REJECTED;
                CaseRules.requireMove(before, to);
                if (!steps(c, before.number()).asked().isEmpty()) {
                    throw CaseStore.forbidden("special-steps-required", "事项 " + before.matterCode()
                            + " 需要特别程序（现场勘验、听证、专家评审等），不能在窗口当场办结，须转后台审批（R6）");
                }
                if (!authorizations.authorized(actor.user(), before.matterCode())) {
                    throw CaseStore.forbidden("not-authorized", "用户 " + actor.user() + " 没有 " + before.departmentId()
                            + " 对事项 " + before.matterCode() + " 的授权书，不能当场办结；办件已在部门后台队列中等待审批（R6）");
                }
                return decide(c, tx, before, to, reason, actor, true, charged);
            });
        } catch (CaseException e) {
            if (e.reason() == CaseException.Reason.FORBIDDEN) {
                changes.refusedAudit("case-sign-off", actor, number, e);
            }
            throw e;
        }
    }

    @Override
    public HallCase decide(String number, boolean approve, String reason, CaseActor actor) {
        return decide(number, approve, reason, Optional.empty(), actor);
    }

    @Override
    public HallCase decide(String number, boolean approve, String reason, Optional<BigDecimal> fee, CaseActor actor) {
        Optional<BigDecimal> charged = checkedFee(fee);
        try {
            return changes.move(number, actor, WindowBinding.Use.NONE, "case-decide", approve ? "APPROVED" : "REJECTED", (c, tx, before) -> {
                CaseRules.requireDepartment(before, actor);
                CaseState to = approve ? CaseState.APPROVED : CaseState.REJECTED;
                CaseRules.requireMove(before, to);
                return decide(c, tx, before, to, reason, actor, false, charged);
            });
        } catch (CaseException e) {
            if (e.reason() == CaseException.Reason.FORBIDDEN) {
                changes.refusedAudit("case-decide", actor, number, e);
            }
            throw e;
        }
    }

    private String decide(Connection c, CaseStore.Tx tx, HallCase before, CaseState to, String reason, CaseActor actor,
            boolean atWindow, Optional<BigDecimal> fee) throws SQLException {
        CaseRules.requireReadyForDecision(before);
        String why = CaseRules.decisionReason(to, reason);
        CaseUpdate.DECISION.apply(c, before.number(), to,
                to.name(), actor.user(), Timestamp.from(tx.at()), why, atWindow);
        String charged = fee.isPresent() ? CaseAlerts.fee(c, tx, before, to, fee.get()) : "";
        return (atWindow ? "窗口当场办结：" : "后台审批：") + to.labelZh() + (why.isEmpty() ? "" : "，理由：" + why) + charged;
    }

    /** @return the fee with two decimals; INVALID {@code invalid-fee} when it is not an amount the hall records */
    static Optional<BigDecimal> checkedFee(Optional<BigDecimal> fee) {
        try {
            return fee == null ? Optional.empty() : fee.map(Fees::checked);
        } catch (IllegalArgumentException e) {
            throw new CaseException(CaseException.Reason.INVALID, "invalid-fee", e.getMessage(), "feeCharged");
        }
    }

    @Override
    public HallCase resultReady(String number, CaseActor actor) {
        return changes.move(number, actor, WindowBinding.Use.NONE, "case-result-ready", "RESULT_READY", (c, tx, before) -> {
            CaseRules.requireMayMarkResultReady(before, actor);
            CaseRules.requireMove(before, CaseState.RESULT_READY);
            CaseUpdate.STATE.apply(c, before.number(), CaseState.RESULT_READY);
            return "结果已出，待送达";
        });
    }

    @Override
    public HallCase deliver(String number, Delivery delivery, CaseActor actor) {
        return this.delivery.deliver(number, delivery, actor);
    }

    @Override
    public HallCase close(String number, CaseActor actor) {
        return changes.move(number, actor, WindowBinding.Use.NONE, "case-close", "CLOSED", (c, tx, before) -> {
            CaseRules.requireMove(before, CaseState.CLOSED);
            CaseUpdate.CLOSED.apply(c, before.number(), CaseState.CLOSED, Timestamp.from(tx.at()));
            return "办结";
        });
    }

    // ---- reading -----------------------------------------------------------------------------

    @Override
    public Optional<CaseHalls> halls(String number) {
        return store.read((c, tx) -> tx.handle().createQuery("SELECT accepted_hall_id, handling_hall_id FROM hall_case WHERE case_no = :no")
                .bind("no", number)
                .map((rs, ctx) -> new CaseHalls(rs.getString(1), rs.getString(2)))
                .findOne());
    }

    @Override
    public Optional<HallCase> find(String number) {
        return store.read((c, tx) -> CaseRows.load(c, number, false));
    }

    @Override
    public Optional<HallCase> lookup(String number, String checkCode) {
        return store.write((c, tx) -> {
            Optional<String> hash = CaseRows.checkHash(c, number);
            if (hash.isEmpty()) {
                return Optional.<HallCase>empty();
            }
            HallCase found = CaseRows.load(c, number, false).orElseThrow();
            String salt = found.bundleNumber().isEmpty() ? number : found.bundleNumber();
            boolean matched = CheckCodes.matches(salt, checkCode, hash.get());
            return matched ? Optional.of(found) : Optional.<HallCase>empty();
        }).result();
    }

    @Override
    public List<HallCase> cases(CaseQuery q) {
        String dept = q.departmentId().orElse(null);
        String state = q.state().map(Enum::name).orElse(null);
        return store.read((c, tx) -> dept == null && state == null ? CaseRows.list(c, CaseRows.Listing.LATEST, q.limit())
                : state == null ? CaseRows.list(c, CaseRows.Listing.LATEST_OF_DEPARTMENT, dept, q.limit())
                : dept == null ? CaseRows.list(c, CaseRows.Listing.LATEST_IN_STATE, state, q.limit())
                : CaseRows.list(c, CaseRows.Listing.LATEST_OF_DEPARTMENT_IN_STATE, dept, state, q.limit()));
    }

    @Override
    public List<HallCase> backOffice(String departmentId) {
        return store.read((c, tx) -> CaseRows.list(c, CaseRows.Listing.BACK_OFFICE,
                departmentId.toUpperCase(Locale.ROOT)));
    }

    @Override
    public List<CaseHistoryEntry> history(String number) {
        return store.read((c, tx) -> CaseRows.history(c, number));
    }

    // ---- bundles (R11) -----------------------------------------------------------------------

    @Override
    public AcceptedBundle acceptBundle(BundleRequest r, CaseActor actor) {
        LocalDate day = today();
        List<CaseIntake.Plan> plans = new ArrayList<>();
        for (BundleRequest.Part part : r.parts()) {
            try {
                plans.add(intake.plan(part.matterCode(), part.received(), day));
            } catch (CaseException e) {
                throw new CaseException(e.reason(), e.code(), "“一件事”中的事项 " + part.matterCode() + "：" + e.getMessage());
            }
        }
        String code = CheckCodes.newCode();
        Accepted<String> number = changes.change((c, tx) -> {
            CaseIntake.Counter at = intake.counter(c, r.channel(), r.window(), actor, plans.stream().map(CaseIntake.Plan::matter).toList());
            if (!r.idempotencyKey().isEmpty()) {
                Optional<String> earlier = CaseIntake.byKey(c, CaseIntake.Keyed.BUNDLE, r.idempotencyKey());
                if (earlier.isPresent()) {
                    return Accepted.replay(earlier.get());
                }
            }
            String bundle = CaseNumbers.next(c, CaseNumbers.BUNDLE_SCOPE, day);
            String hash = CheckCodes.hash(bundle, code);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_bundle (bundle_no, check_hash, name_zh, applicant_name, "
                    + "applicant_id, accepted_by, accepted_at, idempotency_key, applicant_id_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, bundle);
                ps.setString(2, hash);
                ps.setString(3, r.nameZh().strip());
                ps.setString(4, r.applicant().name());
                ps.setString(5, r.applicant().identifier());
                ps.setString(6, at.actor().user());
                ps.setTimestamp(7, Timestamp.from(tx.at()));
                ps.setString(8, r.idempotencyKey().isEmpty() ? null : r.idempotencyKey());
                ps.setString(9, CaseParties.idKind(r.applicant()));
                ps.executeUpdate();
            }
            for (CaseIntake.Plan p : plans) {
                String part = CaseNumbers.next(c, p.matter().departmentId(), day);
                intake.insertCase(c, tx, part, hash, bundle, p, r.applicant(), r.channel(), at, null);
            }
            tx.audit(new AuditEvent("bundle-accept", at.actor().user(), at.actor().origin(), bundle, AuditEvent.SUCCESS,
                    "受理“一件事”：" + r.nameZh() + "，" + plans.size() + " 个事项"));
            tx.event("BUNDLE_ACCEPTED", "", bundle, "", "", at.window());
            return Accepted.made(bundle);
        });
        return new AcceptedBundle(bundle(number.value()).orElseThrow(), number.replayed() ? "" : code, number.replayed());
    }

    @Override
    public Optional<CaseBundle> bundle(String number) {
        return store.read((c, tx) -> CaseRows.bundle(c, number, false));
    }

    @Override
    public CaseBundle deliverBundle(String number, Delivery delivery, CaseActor actor) {
        return this.delivery.deliverBundle(number, delivery, actor);
    }

    @Override
    public Optional<CaseBundle> lookupBundle(String number, String checkCode) {
        return store.write((c, tx) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT check_hash FROM case_bundle WHERE bundle_no = ?")) {
                ps.setString(1, number);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<CaseBundle>empty();
                    }
                    if (!CheckCodes.matches(number, checkCode, rs.getString(1))) {
                        return Optional.<CaseBundle>empty();
                    }
                }
            }
            return CaseRows.bundle(c, number, false);
        }).result();
    }
}
