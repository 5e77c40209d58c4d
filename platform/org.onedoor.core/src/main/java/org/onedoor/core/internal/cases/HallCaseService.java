package org.onedoor.core.internal.cases;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.cases.AcceptRequest;
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
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.OneThings;
import org.onedoor.api.matter.SpecialStep;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.staff.DutyStore;
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
 * handing results over and the citizen's locker pickup are {@link CaseDelivery}'s, the endings other than
 * the decision (refusal to accept, withdrawal, termination, correction) {@link CaseEndings}'.
 */
@Component(service = {HallCases.class, CaseBundles.class}, configurationPid = "org.onedoor.cases",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CasesConfig.class)
public final class HallCaseService implements HallCases, CaseBundles {


    private static final Logger LOG = LoggerFactory.getLogger(HallCaseService.class);

    private final CaseStore store;
    private final CaseIntake intake;
    private final CaseAuthorizations authorizations;
    private final CaseChanges changes;
    private final CaseDelivery delivery;
    private final CaseEndings endings;
    private final CaseSteps steps;
    private final CaseBundleIntake bundleIntake;
    private final AutoCloseable pickups;

    @Activate
    public HallCaseService(@Reference HallDatabase database, @Reference AuditOutbox outbox, @Reference MatterCatalog catalog,
            @Reference WorkingDayCalendar calendar, @Reference DepartmentDirectory departments, @Reference ZoneDirectory zones, @Reference CaseAuthorizations authorizations, @Reference AuditTrail audit,
            @Reference CaseEventHub hub, @Reference CaseLockers lockers, @Reference OneThings oneThings, @Reference HallClock hallClock,
            CasesConfig config) {
        this(database, outbox, catalog, calendar, departments, zones, authorizations, audit, hub, lockers, oneThings, config, hallClock.clock());
    }

    HallCaseService(HallDatabase database, AuditOutbox outbox, MatterCatalog catalog, WorkingDayCalendar calendar, DepartmentDirectory departments,
            ZoneDirectory zones, CaseAuthorizations authorizations, AuditTrail audit,
            CaseEventHub hub, CaseLockers lockers, OneThings oneThings, CasesConfig config, Clock clock) {
        this.store = new CaseStore(database, outbox, clock);
        this.intake = new CaseIntake(catalog, calendar, departments, zones, config);
        this.authorizations = authorizations;
        this.changes = new CaseChanges(store, audit, hub);
        this.delivery = new CaseDelivery(store, changes, lockers);
        this.steps = new CaseSteps(changes, new CaseClock(calendar, clock.getZone()));
        this.endings = new CaseEndings(intake, changes, steps);
        this.bundleIntake = new CaseBundleIntake(intake, changes, store, oneThings);
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
        return LocalDate.now(store.clock());
    }

    // ---- acceptance --------------------------------------------------------------------------

    @Override
    public AcceptedCase accept(AcceptRequest r, CaseActor actor) {
        LocalDate day = today();
        return intake.open(changes, r, actor, intake.plan(r.matterCode(), r.received(), day, true, CaseIntake.fields(r.fields(), r.applicant())), day, null);
    }

    // ---- endings (refusal to accept, withdrawal, termination, correction) ---------------------

    @Override
    public AcceptedCase refuse(AcceptRequest r, String reason, CaseActor actor) {
        return endings.refuse(r, reason, actor, today());
    }

    @Override
    public HallCase withdraw(String number, String reason, CaseActor actor) {
        return endings.withdraw(number, reason, actor);
    }

    @Override
    public HallCase terminate(String number, String reason, CaseActor actor) {
        return endings.terminate(number, reason, actor);
    }

    @Override
    public HallCase correct(String number, boolean approve, String reason, CaseActor actor) {
        return endings.correct(number, approve, reason, actor);
    }

    // ---- moves -------------------------------------------------------------------------------

    @Override
    public HallCase supply(String number, List<String> materials, CaseActor actor) {
        return changes.move(number, actor, WindowBinding.Use.NONE, "case-material", "MATERIALS_SUPPLIED", (h, tx, before) -> {
            CaseRules.requireSuppliable(before, materials);
            PreparedBatch received = h.prepareBatch("UPDATE case_material SET received_at = :at WHERE case_no = :case AND name = :name");
            for (String name : materials) {
                received.bind("at", Timestamp.from(tx.at())).bind("case", before.number()).bind("name", name).add();
            }
            if (received.size() > 0) {
                received.execute();
            }
            boolean complete = before.missingMaterials().size() == Set.copyOf(materials).size();
            (complete ? CaseUpdate.MATERIALS_COMPLETE : CaseUpdate.STATE).apply(h, before.number(), before.state());
            return "补交材料：" + String.join("、", materials) + (complete ? "；材料已齐全" : "");
        });
    }

    @Override
    public HallCase startStep(String number, SpecialStep step, CaseActor actor) {
        return steps.start(number, step, actor);
    }

    @Override
    public HallCase completeStep(String number, SpecialStep step, CaseActor actor) {
        return steps.complete(number, step, actor);
    }

    @Override
    public HallCase signOff(String number, boolean approve, String reason, CaseActor actor) {
        return signOff(number, approve, reason, Optional.empty(), actor);
    }

    @Override
    public HallCase signOff(String number, boolean approve, String reason, Optional<BigDecimal> fee, CaseActor actor) {
        Optional<BigDecimal> charged = checkedFee(fee);
        try {
            return changes.move(number, actor, WindowBinding.Use.REQUIRED, "case-sign-off", approve ? "APPROVED" : "REJECTED", (h, tx, before) -> {
                CaseState to = approve ? CaseState.APPROVED : CaseState.REJECTED;
                CaseRules.requireMove(before, to);
                if (CaseSteps.asksForSteps(h, before.number())) {
                    throw CaseStore.forbidden("special-steps-required", "事项 " + before.matterCode()
                            + " 需要特别程序（现场勘验、听证、专家评审等），不能在窗口当场办结，须转后台审批（R6）");
                }
                CaseRules.requireLetter(authorizations.standing(actor.user(), before.matterCode()), actor.user(), before);
                CaseRules.requireApartFromSupervision(before, actor, DutyStore.ofUser(h, actor.user()));
                return decide(h, tx, before, to, reason, actor, true, charged);
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
            return changes.move(number, actor, WindowBinding.Use.NONE, "case-decide", approve ? "APPROVED" : "REJECTED", (h, tx, before) -> {
                CaseRules.requireDepartment(before, actor);
                CaseRules.requireApartFromSupervision(before, actor, DutyStore.ofUser(h, actor.user()));
                CaseState to = approve ? CaseState.APPROVED : CaseState.REJECTED;
                CaseRules.requireMove(before, to);
                return decide(h, tx, before, to, reason, actor, false, charged);
            });
        } catch (CaseException e) {
            if (e.reason() == CaseException.Reason.FORBIDDEN) {
                changes.refusedAudit("case-decide", actor, number, e);
            }
            throw e;
        }
    }

    private String decide(Handle h, CaseStore.Tx tx, HallCase before, CaseState to, String reason, CaseActor actor,
            boolean atWindow, Optional<BigDecimal> fee) {
        boolean overdue = CaseRules.requireReadyForDecision(before, to, tx.day());
        String why = CaseRules.decisionReason(to, reason);
        String pause = steps.endPause(h, tx, before);
        CaseUpdate.DECISION.apply(h, before.number(), to,
                to.name(), actor.user(), Timestamp.from(tx.at()), why, atWindow);
        String charged = fee.isPresent() ? CaseAlerts.fee(tx, before, to, fee.get()) : "";
        return (atWindow ? "窗口当场办结：" : "后台审批：") + to.chinese() + (why.isEmpty() ? "" : "，理由：" + why)
                + (overdue ? "；容缺材料逾期未补齐（" + String.join("、", before.missingMaterials()) + "，补齐期限 " + before.supplyBy().orElseThrow()
                        + "），依法不予许可（R9）" : "") + pause + charged;
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
        return changes.move(number, actor, WindowBinding.Use.NONE, "case-result-ready", "RESULT_READY", (h, tx, before) -> {
            CaseRules.requireMayMarkResultReady(before, actor);
            CaseRules.requireMove(before, CaseState.RESULT_READY);
            CaseUpdate.STATE.apply(h, before.number(), CaseState.RESULT_READY);
            return "结果已出，待送达";
        });
    }

    @Override
    public HallCase deliver(String number, Delivery delivery, CaseActor actor) {
        return this.delivery.deliver(number, delivery, actor);
    }

    @Override
    public HallCase close(String number, CaseActor actor) {
        return changes.move(number, actor, WindowBinding.Use.NONE, "case-close", "CLOSED", (h, tx, before) -> {
            CaseRules.requireMove(before, CaseState.CLOSED);
            CaseUpdate.CLOSED.apply(h, before.number(), CaseState.CLOSED, Timestamp.from(tx.at()));
            return "办结";
        });
    }

    // ---- reading -----------------------------------------------------------------------------

    @Override
    public Optional<CaseHalls> halls(String number) {
        return store.read((h, tx) -> h.createQuery("SELECT accepted_hall_id, handling_hall_id FROM hall_case WHERE case_no = :no")
                .bind("no", number)
                .map((rs, ctx) -> new CaseHalls(rs.getString("accepted_hall_id"), rs.getString("handling_hall_id")))
                .findOne());
    }

    @Override
    public Optional<HallCase> find(String number) {
        return store.read((h, tx) -> CaseRows.load(h, number, false));
    }

    @Override
    public Optional<HallCase> lookup(String number, String checkCode) {
        return store.write((h, tx) -> {
            Optional<String> hash = CaseRows.checkHash(h, number);
            if (hash.isEmpty()) {
                return Optional.<HallCase>empty();
            }
            HallCase found = CaseRows.load(h, number, false).orElseThrow();
            String salt = found.bundleNumber().isEmpty() ? number : found.bundleNumber();
            boolean matched = CheckCodes.matches(salt, checkCode, hash.get());
            return matched ? Optional.of(found) : Optional.<HallCase>empty();
        }).result();
    }

    @Override
    public List<HallCase> cases(CaseQuery q) {
        String dept = q.departmentId().orElse(null);
        return store.read((h, tx) -> CaseRows.latest(h, dept, q.state().orElse(null), q.limit()));
    }

    @Override
    public List<HallCase> backOffice(String departmentId) {
        return store.read((h, tx) -> CaseRows.backOffice(h, departmentId.toUpperCase(Locale.ROOT)));
    }

    @Override
    public List<CaseHistoryEntry> history(String number) {
        return store.read((h, tx) -> CaseRows.history(h, number));
    }

    // ---- bundles (R11) -----------------------------------------------------------------------

    @Override
    public AcceptedBundle acceptBundle(BundleRequest r, CaseActor actor) {
        return bundleIntake.accept(r, actor, today());
    }

    @Override
    public Optional<CaseBundle> bundle(String number) {
        return store.read((h, tx) -> CaseRows.bundle(h, number, false));
    }

    @Override
    public CaseBundle deliverBundle(String number, Delivery delivery, CaseActor actor) {
        return this.delivery.deliverBundle(number, delivery, actor);
    }

    @Override
    public Optional<CaseBundle> lookupBundle(String number, String checkCode) {
        return store.write((h, tx) -> {
            Optional<String> hash = h.createQuery("SELECT check_hash FROM case_bundle WHERE bundle_no = :bundle").bind("bundle", number)
                    .map((rs, ctx) -> rs.getString("check_hash")).findOne();
            if (hash.isEmpty() || !CheckCodes.matches(number, checkCode, hash.get())) {
                return Optional.<CaseBundle>empty();
            }
            return CaseRows.bundle(h, number, false);
        }).result();
    }
}
