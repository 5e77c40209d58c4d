package org.onedoor.core.internal.cases;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.cases.AcceptRequest;
import org.onedoor.api.cases.AcceptedCase;
import org.onedoor.api.cases.Applicant;
import org.onedoor.api.cases.ApplicantKind;
import org.onedoor.api.citizen.IdentityDocument;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.MailAddress;
import org.onedoor.api.cases.OfficerCall;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.EntryMode;
import org.onedoor.api.matter.ApplicationProblem;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.zone.ZoneDirectory;

/**
 * Acceptance of one matter, shared by single cases and bundles (R3, R4, R9, R10): checks the
 * matter, the materials and the window, works out deadline and supply day, and writes the new case
 * with its materials, history, audit, events and, for a matters-only unit, the officer call.
 */
final class CaseIntake {

    private final MatterCatalog catalog;
    private final WorkingDayCalendar calendar;
    private final DepartmentDirectory departments;
    private final ZoneDirectory zones;
    private final CasesConfig config;

    CaseIntake(MatterCatalog catalog, WorkingDayCalendar calendar, DepartmentDirectory departments, ZoneDirectory zones,
            CasesConfig config) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.departments = departments;
        this.zones = zones;
        this.config = config;
    }

    /**
     * What acceptance worked out for one matter before the transaction; {@code rules} are the department's
     * findings on the application's fields (empty for an accepted case: a finding refuses it).
     */
    record Plan(Matter matter, MaterialCheck.Result materials, LocalDate deadline, Optional<LocalDate> supplyBy,
            boolean mattersOnly, List<ApplicationProblem> rules) {

        /** @return the department's findings for the history of a refusal, or empty */
        String ruleNote() {
            return rules.isEmpty() ? "" : "；部门规则检查：" + String.join("；", rules.stream()
                    .map(p -> p.field().isEmpty() ? p.message() : p.field() + "：" + p.message()).toList());
        }
    }

    Plan plan(String matterCode, List<String> received, LocalDate day) {
        return plan(matterCode, received, day, true, Map.of());
    }

    /**
     * @param accepting false for an application being refused: its main materials need not be complete, and the
     *                  department's findings on its fields are recorded, not refused
     * @param fields    the application's fields, checked by the department's rules as the check route does
     *                  ({@link MatterCatalog#check}); a finding refuses an acceptance, INVALID {@code rule-failed}
     *                  naming the field as {@code fields.<name>}
     */
    Plan plan(String matterCode, List<String> received, LocalDate day, boolean accepting, Map<String, String> fields) {
        Matter matter = catalog.matter(matterCode == null ? "" : matterCode.strip())
                .orElseThrow(() -> CaseStore.invalid("unknown-matter", "大厅没有事项“" + matterCode + "”；请从事项目录中选择"));
        MaterialCheck.Result check = MaterialCheck.check(matter, received, accepting);
        List<ApplicationProblem> rules = rules(matter, fields);
        if (accepting && !rules.isEmpty()) {
            ApplicationProblem first = rules.get(0);
            throw new CaseException(CaseException.Reason.INVALID, "rule-failed", matter.departmentId() + " 对事项 " + matter.code()
                    + " 的受理规则未通过：" + String.join("；", rules.stream().map(ApplicationProblem::message).toList())
                    + " (the department's rules refuse the application)", first.field().isEmpty() ? "fields" : "fields." + first.field());
        }
        LocalDate deadline = calendar.deadline(day, matter.committedDays()).date();
        Optional<LocalDate> supplyBy = Optional.empty();
        if (!check.missingTolerable().isEmpty()) {
            LocalDate due = calendar.deadline(day, config.supplyDays()).date();
            supplyBy = Optional.of(due.isAfter(deadline) ? deadline : due);
        }
        boolean mattersOnly = departments.department(matter.departmentId()).map(d -> d.entryMode() == EntryMode.MATTERS_ONLY).orElse(false);
        return new Plan(matter, check, deadline, supplyBy, mattersOnly, rules);
    }

    /**
     * @return the application's fields with the applicant's resident ID standing for {@code idNumber} when the request
     *         does not name it (a natural person applying with a resident identity card)
     */
    static Map<String, String> fields(Map<String, String> fields, Applicant applicant) {
        if (fields.containsKey("idNumber") || applicant.kind() != ApplicantKind.PERSON || applicant.document().isEmpty()
                || applicant.document().get().kind() != IdentityDocument.Kind.RESIDENT_ID) {
            return fields;
        }
        Map<String, String> out = new java.util.HashMap<>(fields);
        out.put("idNumber", applicant.document().get().number());
        return Map.copyOf(out);
    }

    /** @return the department's findings on the fields: the one check of {@link MatterCatalog#check}, also behind the check route */
    private List<ApplicationProblem> rules(Matter matter, Map<String, String> fields) {
        try {
            return catalog.check(matter.code(), fields == null ? Map.of() : fields);
        } catch (IllegalArgumentException e) {
            throw CaseStore.invalid("unknown-matter", "大厅没有事项“" + matter.code() + "”；请从事项目录中选择");
        }
    }

    private static final String INSERT_CASE = "INSERT INTO hall_case (case_no, check_hash, bundle_no, matter_code, matter_revision, "
            + "matter_name, department_id, channel, window_no, ticket_id, ticket_no, applicant_name, applicant_id, state, special_steps, "
            + "steps_done, supply_by, accepted_by, accepted_at, accepted_day, committed_days, deadline, decided_by, decision_reason, "
            + "signed_off_window, delivery_detail, tracking_no, pickup_code, version, idempotency_key, applicant_kind, applicant_id_kind, "
            + "applicant_nationality, fee_due, end_reason, closed_at, accepted_hall_id, handling_hall_id) VALUES (:case, :checkHash, :bundle, "
            + ":matter, :revision, :matterName, :department, :channel, :window, :ticketId, :ticketNo, :applicantName, :applicantId, :state, "
            + ":steps, '', :supplyBy, :by, :at, :day, :days, :deadline, '', '', FALSE, '', '', '', 0, :key, :kind, :idKind, :nationality, "
            + ":fee, :endReason, :closedAt, :hall, :handlingHall)";

    /**
     * Who accepts, at which window (0: online) and for which ticket called there; the hall of acceptance
     * and the hall whose department handles the case (R13 same-city handling: another hall's).
     */
    record Counter(CaseActor actor, int window, Optional<WindowBinding.Called> ticket, String hallId, String handlingHallId) {
    }

    /**
     * Inside the acceptance's transaction: the window, which the actor must hold (its session row
     * locked until commit), may accept the matters (R3: a comprehensive window accepts its own
     * area's matters, a universal window any), and the ticket called or served there.
     */
    Counter counter(Handle h, CaseChannel channel, int window, CaseActor actor, List<Matter> matters) {
        return counter(h, channel, window, actor, matters, "");
    }

    /**
     * As {@link #counter(Handle, CaseChannel, int, CaseActor, List)}, for a case handled by another hall of
     * the city (R13, {@code handlingHallId} not empty and not the window's hall): accepted only at a universal
     * window (409 {@code same-city-needs-universal-window}), or online.
     */
    Counter counter(Handle h, CaseChannel channel, int window, CaseActor actor, List<Matter> matters, String handlingHallId) {
        if (channel != CaseChannel.WINDOW) {
            CaseActor bound = WindowBinding.Use.IF_NAMED.bind(h, actor);
            String hall = WindowBinding.hallOf(bound);
            return new Counter(bound, 0, Optional.empty(), hall, handlingHallId.isEmpty() ? hall : handlingHallId);
        }
        // the window is one of the hall the request names (windows are numbered per hall)
        WindowBinding.Held held = WindowBinding.hold(h, WindowBinding.hallOf(actor), window, actor);
        boolean universal = zones.zone(held.hallId(), held.zoneId()).map(z -> z.descriptor().universal()).orElse(false);
        String handling = handlingHallId.isEmpty() ? held.hallId() : handlingHallId;
        if (!universal && !handling.equals(held.hallId())) {
            throw CaseStore.conflict("same-city-needs-universal-window", "同城通办：" + handling + " 大厅的办件只能在综合窗口受理，"
                    + window + "号窗口属于“" + held.zoneId() + "”区（R13）/ a case handled by hall " + handling
                    + " is accepted only at a universal window");
        }
        for (Matter m : matters) {
            if (!universal && !m.zoneId().equals(held.zoneId())) {
                throw CaseStore.conflict("matter-of-another-zone", "事项 " + m.code() + " 由“" + m.zoneId() + "”区受理，" + window
                        + "号窗口属于“" + held.zoneId() + "”区；请转到该区或综合窗口（R3）");
            }
        }
        WindowBinding.Called t = WindowBinding.called(h, held.hallId(), window)
                .orElseThrow(() -> CaseStore.conflict("no-called-ticket", window + "号窗口当前没有已叫的号；请先叫号再受理"));
        return new Counter(held.actor(), window, Optional.of(t), held.hallId(), handling);
    }

    /**
     * Opens a case for an application as planned, in one change: accepted, or refused to accept when
     * {@code refusal} (the reason) is given. A retry with the case's idempotency key returns the first case.
     */
    AcceptedCase open(CaseChanges changes, AcceptRequest r, CaseActor actor, Plan plan, LocalDate day, String refusal) {
        boolean holiday = holiday(day);
        if (holiday && refusal == null && r.mailTo().isEmpty()) {
            throw new CaseException(CaseException.Reason.INVALID, "mail-address-required", "节假日受理的办件，结果免费邮寄（365服务，R14）："
                    + "请登记收件人、电话和邮寄地址 / a case accepted on a public holiday is mailed free: the recipient, phone and address "
                    + "are required", "mail");
        }
        String code = CheckCodes.newCode();
        Accepted<HallCase> made = changes.change((h, tx) -> {
            Counter at = counter(h, r.channel(), r.window(), actor, List.of(plan.matter()), r.handlingHallId());
            if (!r.idempotencyKey().isEmpty()) {
                Optional<String> earlier = byKey(h, Keyed.CASE, r.idempotencyKey());
                if (earlier.isPresent()) {
                    return Accepted.replay(CaseRows.load(h, earlier.get(), false).orElseThrow());
                }
            }
            String number = CaseNumbers.next(h, plan.matter().departmentId(), day);
            insertCase(h, tx, number, CheckCodes.hash(number, code), null, plan, r.applicant(), r.channel(), at, r.idempotencyKey(), refusal);
            if (refusal == null && r.mailTo().isPresent()) {
                recordMail(h, tx, number, r.mailTo().get(), holiday, at.actor());
            }
            return Accepted.made(CaseRows.load(h, number, false).orElseThrow());
        });
        return new AcceptedCase(made.value(), made.replayed() ? "" : code, made.replayed());
    }

    /** @return whether the day is a public holiday of the hall's calendar (the 365 holiday service's days, R14) */
    boolean holiday(LocalDate day) {
        return calendar.year(day.getYear()).map(k -> k.calendar().holidays().stream().anyMatch(h -> h.date().equals(day))).orElse(false);
    }

    /** Records on a new case where its result is mailed, with its history and audit (the address masked). */
    private static void recordMail(Handle h, CaseStore.Tx tx, String number, MailAddress a, boolean holiday, CaseActor actor) {
        CaseMails.atAcceptance(h, number, a, holiday, tx.at());
        String detail = "结果免费邮寄至 " + a.masked(Optional.empty(), true).line()
                + (holiday ? "（节假日受理，365服务默认邮寄，R14）" : "（申请人要求邮寄，R13）");
        CaseRows.history(h, number, tx.at(), actor.user(), actor.origin(), "case-mail-address", CaseState.ACCEPTED, detail);
        tx.audit(new AuditEvent("case-mail-address", actor.user(), actor.origin(), number, AuditEvent.SUCCESS, detail));
    }

    /** What an idempotency key can name: a case or a bundle, each a fixed query. */
    enum Keyed {
        CASE("SELECT case_no AS number FROM hall_case WHERE idempotency_key = :key"),
        BUNDLE("SELECT bundle_no AS number FROM case_bundle WHERE idempotency_key = :key");

        private final String sql;

        Keyed(String sql) {
            this.sql = sql;
        }
    }

    /** @return the number of the case or bundle made with the idempotency key, if one was */
    static Optional<String> byKey(Handle h, Keyed keyed, String key) {
        return h.createQuery(keyed.sql).bind("key", key).map((rs, ctx) -> rs.getString("number")).findOne();
    }

    void insertCase(Handle h, CaseStore.Tx tx, String number, String checkHash, String bundle, Plan plan,
            Applicant applicant, CaseChannel channel, Counter at, String key) {
        insertCase(h, tx, number, checkHash, bundle, plan, applicant, channel, at, key, null);
    }

    /**
     * Writes a new case: accepted, or refused to accept when {@code refusal} (the reason) is given; a refused
     * case is closed at once, calls no officer and keeps no supply day.
     */
    void insertCase(Handle h, CaseStore.Tx tx, String number, String checkHash, String bundle, Plan plan,
            Applicant applicant, CaseChannel channel, Counter at, String key, String refusal) {
        boolean refused = refusal != null;
        CaseState state = refused ? CaseState.REFUSED_TO_ACCEPT : CaseState.ACCEPTED;
        Matter m = plan.matter();
        CaseActor actor = at.actor();
        int window = at.window();
        Optional<WindowBinding.Called> ticket = at.ticket();
        h.createUpdate(INSERT_CASE)
                .bind("case", number).bind("checkHash", checkHash).bind("bundle", bundle).bind("matter", m.code())
                .bind("revision", CaseRows.cut(m.revision(), 128)).bind("matterName", CaseRows.cut(m.nameZh(), 256))
                .bind("department", m.departmentId()).bind("channel", channel.name()).bind("window", window)
                .bind("ticketId", ticket.map(WindowBinding.Called::id).orElse("")).bind("ticketNo", ticket.map(WindowBinding.Called::number).orElse(""))
                .bind("applicantName", applicant.name()).bind("applicantId", applicant.identifier()).bind("state", state.name())
                .bind("steps", CaseRows.stepList(m.specialSteps())).bind("supplyBy", refused ? null : plan.supplyBy().map(Date::valueOf).orElse(null))
                .bind("by", actor.user()).bind("at", Timestamp.from(tx.at())).bind("day", Date.valueOf(tx.day()))
                .bind("days", m.committedDays()).bind("deadline", Date.valueOf(plan.deadline()))
                .bind("key", key == null || key.isEmpty() ? null : key).bind("kind", applicant.kind().name())
                .bind("idKind", CaseParties.idKind(applicant)).bind("nationality", CaseParties.nationality(applicant))
                .bind("fee", m.fee().setScale(2, java.math.RoundingMode.HALF_UP)).bind("endReason", refused ? refusal : "")
                .bind("closedAt", refused ? Timestamp.from(tx.at()) : null).bind("hall", at.hallId()).bind("handlingHall", at.handlingHallId())
                .execute();
        CaseParties.insert(h, number, applicant);
        if (!m.materials().isEmpty()) {
            PreparedBatch materials = h.prepareBatch("INSERT INTO case_material (case_no, position, name, kind, received_at) "
                    + "VALUES (:case, :position, :name, :kind, :receivedAt)");
            for (int i = 0; i < m.materials().size(); i++) {
                var material = m.materials().get(i);
                materials.bind("case", number).bind("position", i).bind("name", material.name()).bind("kind", material.kind().name())
                        .bind("receivedAt", plan.materials().received().contains(material.name()) ? Timestamp.from(tx.at()) : null).add();
            }
            materials.execute();
        }
        if (refused) {
            String detail = "不予受理 " + m.code() + " " + m.nameZh() + "（版本 " + m.revision() + "），理由：" + refusal + plan.ruleNote() + "；申请人："
                    + CaseParties.describe(applicant) + "；已收材料：" + (plan.materials().received().isEmpty() ? "无"
                    : String.join("、", plan.materials().received())) + ticket.map(t -> "；号票 " + t.number()).orElse("");
            CaseRows.history(h, number, tx.at(), actor.user(), actor.origin(), "case-refuse", state, detail);
            tx.audit(new AuditEvent("case-refuse", actor.user(), actor.origin(), number, AuditEvent.SUCCESS, detail));
            tx.event("REFUSED_TO_ACCEPT", number, bundle == null ? "" : bundle, m.departmentId(), state.name(), window);
            return;
        }
        String detail = "受理 " + m.code() + " " + m.nameZh() + "（版本 " + m.revision() + "），时限 " + m.committedDays()
                + " 个工作日，截止 " + plan.deadline() + "；已收材料：" + String.join("、", plan.materials().received())
                + (plan.materials().missingTolerable().isEmpty() ? "" : "；容缺材料：" + String.join("、", plan.materials().missingTolerable())
                        + "，须于 " + plan.supplyBy().orElseThrow() + " 前补齐")
                + ticket.map(t -> "；号票 " + t.number()).orElse("") + "；申请人：" + CaseParties.describe(applicant);
        CaseRows.history(h, number, tx.at(), actor.user(), actor.origin(), "case-accept", CaseState.ACCEPTED, detail);
        tx.audit(new AuditEvent("case-accept", actor.user(), actor.origin(), number, AuditEvent.SUCCESS, detail));
        tx.event("ACCEPTED", number, bundle == null ? "" : bundle, m.departmentId(), CaseState.ACCEPTED.name(), window);
        if (plan.mattersOnly()) {
            OfficerCall call = OfficerCalls.call(h, number, m.departmentId(), tx.at(), config.officerArrivalMinutes());
            String note = "通知" + m.departmentId() + (call.officer().isEmpty() ? "（未指定专员）" : "专员 " + call.officer())
                    + " 于 " + call.expectedBy() + " 前到厅办理";
            CaseRows.history(h, number, tx.at(), actor.user(), actor.origin(), "officer-call", CaseState.ACCEPTED, note);
            tx.audit(new AuditEvent("officer-call", actor.user(), actor.origin(), number, AuditEvent.SUCCESS, note));
            tx.event("OFFICER_CALLED", number, bundle == null ? "" : bundle, m.departmentId(), CaseState.ACCEPTED.name(), window);
        }
    }

}
