package org.onedoor.web.internal.cases;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.onedoor.api.cases.Agent;
import org.onedoor.api.cases.Applicant;
import org.onedoor.api.cases.ApplicantKind;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.MailAddress;
import org.onedoor.api.cases.MailCarrier;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.Fees;
import org.onedoor.api.cases.Person;
import org.onedoor.api.citizen.IdentityDocument;
import org.onedoor.api.citizen.UnifiedSocialCreditCode;
import org.onedoor.api.cluster.HallCluster;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.Json;
import org.onedoor.web.internal.http.Problems;
import org.onedoor.web.internal.queue.WindowRoutes;

/** What the case routes share: reading request bodies and parameters, department scoping, the actor, answering off the event loop. */
public final class CaseRequests {

    public static final String[] STAFF = {"admin", "operator", "clerk", "approver", "department", "supervisor"};
    public static final String[] CLERKS = {"admin", "operator", "clerk"};
    public static final String[] DECIDERS = {"approver", "department"};
    public static final String[] RESULT = {"admin", "operator", "clerk", "approver", "department"};
    public static final String[] LETTERS = {"admin", "operator", "department"};
    public static final String[] SUPERVISORS = {"admin", "operator", "supervisor", "department", "approver"};
    public static final String[] DASHBOARD = {"admin", "supervisor"};
    public static final String[] FLAGS = {"admin", "operator", "supervisor"};
    private static final Set<String> HALL_READERS = Set.of("admin", "operator", "clerk", "supervisor");
    /** A case number in a path: department, day, sequence (e.g. A17-20261127-0001). */
    public static final String NUMBER = "(?<no>[A-Za-z][0-9]{2}-[0-9]{8}-[0-9]{4,})";

    private CaseRequests() {
    }

    /** A reader acting for one department (approver or department user) sees only that department. */
    public static boolean departmentBound(HallPrincipal p) {
        return !p.holdsAny(HALL_READERS);
    }

    public static String scopedDepartment(RoutingContext ctx, String asked) {
        HallPrincipal p = ctx.get(WebAccess.PRINCIPAL);
        String wanted = asked == null ? "" : asked.strip().toUpperCase(Locale.ROOT);
        if (!departmentBound(p)) {
            return wanted;
        }
        String own = p.department().orElseThrow(() -> new ProblemException(403, "out-of-department", "Forbidden",
                "用户 " + p.user() + " 未归属任何部门，只能查看本部门的办件 (user acts for no department)"));
        if (!wanted.isEmpty() && !wanted.equals(own)) {
            throw new ProblemException(403, "out-of-department", "Forbidden", "用户 " + p.user() + " 只能查看本部门 " + own + " 的办件");
        }
        return own;
    }

    public static CaseActor actor(RoutingContext ctx, int window, HallCluster c) {
        return actor(ctx, Hall.DEFAULT_ID, window, c);
    }

    /**
     * @return the actor at a window of the hall (origin {@code window:97} in the default hall,
     *         {@code window:<hall>/<n>} in another: windows are numbered per hall), or on this node
     */
    public static CaseActor actor(RoutingContext ctx, String hallId, int window, HallCluster c) {
        String origin = window > 0 ? "window:" + (Hall.DEFAULT_ID.equals(hallId) ? "" : hallId + "/") + window
                : "node:" + (c == null ? "local" : c.nodeId());
        return new CaseActor(ctx.get(WebAccess.PRINCIPAL), origin);
    }

    /**
     * @return the hall whose window a case action names: the body's {@code "hall"}, the default hall when
     *         it names none; 404 {@code unknown-hall} naming {@code hall} for a hall the node does not serve
     */
    public static String hall(Fields body, HallDirectory halls) {
        String named = hallField(body, "hall", halls);
        return named.isEmpty() ? Hall.DEFAULT_ID : named;
    }

    /**
     * @return the hall whose department handles an application (same-city handling, R13): the body's
     *         {@code "handlingHall"}, or empty for the hall of acceptance; 404 {@code unknown-hall} naming
     *         {@code handlingHall} for a hall the node does not serve
     */
    public static String handlingHall(Fields body, HallDirectory halls) {
        return hallField(body, "handlingHall", halls);
    }

    private static String hallField(Fields body, String field, HallDirectory halls) {
        String named = body.text(field, 64);
        if (named.isEmpty() || Hall.DEFAULT_ID.equals(named)) {
            return named;
        }
        if (!Hall.validId(named) || halls == null || halls.hall(named).isEmpty()) {
            throw new Fields.FieldProblem(404, "Not found", "unknown-hall", body.path(field), "没有大厅 “" + Problems.echo(named)
                    + "” / no hall '" + Problems.echo(named) + "' is served here; GET /api/v1/halls lists them");
        }
        return named;
    }

    /**
     * The applicant of an acceptance or refusal: {@code kind} PERSON (default) with {@code name},
     * {@code documentKind} (default RESIDENT_ID), {@code idNumber} and, for a passport or a permanent
     * residence card, {@code nationality}; or LEGAL_PERSON with {@code name}, {@code creditCode} and
     * {@code legalRepresentative} {name, documentKind, idNumber, nationality}; either with an optional
     * {@code agent} {name, documentKind, idNumber, nationality, phone, powerOfAttorney, powerOfAttorneyDate}.
     * The old body {"name", "idNumber"} is a resident as before. Each refusal names its field.
     */
    /** @param today the hall's day (a power of attorney is not signed after it) */
    public static Applicant applicant(Fields body, LocalDate today) {
        if (!(body.json().getValue("applicant") instanceof JsonObject)) {
            throw new Fields.FieldProblem("invalid-application", "applicant", "applicant: {\"name\": \"张三\", \"idNumber\": \"18位身份证号码\"}"
                    + " 或 {\"kind\": \"LEGAL_PERSON\", \"name\": …, \"creditCode\": …, \"legalRepresentative\": {…}}");
        }
        Fields a = body.object("applicant");
        String kindText = a.text("kind", 16);
        ApplicantKind kind = kindText.isEmpty() ? ApplicantKind.PERSON : fieldEnum(ApplicantKind.class, kindText, a.path("kind"));
        Optional<Agent> agent = a.has("agent") && a.json().getValue("agent") != null ? Optional.of(agent(a.object("agent"), today)) : Optional.empty();
        Applicant applicant;
        if (kind == ApplicantKind.PERSON) {
            for (String other : List.of("creditCode", "legalRepresentative")) {
                if (a.has(other)) {
                    throw new Fields.FieldProblem("invalid-application", a.path(other), "自然人申请人不填写 " + other
                            + " (a natural person has no " + other + ")");
                }
            }
            String name = a.required("name", Fields.NAME);
            applicant = new Applicant(ApplicantKind.PERSON, name, Optional.of(document(a)), Optional.empty(), Optional.empty(), Optional.empty());
        } else {
            for (String other : List.of("idNumber", "documentKind", "nationality")) {
                if (a.has(other)) {
                    throw new Fields.FieldProblem("invalid-application", a.path(other), "法人申请人以统一社会信用代码标识，不填写 " + other
                            + " (a legal person is identified by creditCode)");
                }
            }
            String name = a.required("name", Fields.ORGANIZATION);
            String code = a.required("creditCode", 18 * 2).toUpperCase(Locale.ROOT);
            Optional<String> problem = UnifiedSocialCreditCode.problem(code);
            if (problem.isPresent()) {
                throw new Fields.FieldProblem("invalid-credit-code", a.path("creditCode"), problem.get());
            }
            if (!(a.json().getValue("legalRepresentative") instanceof JsonObject)) {
                throw new Fields.FieldProblem(a.has("legalRepresentative") ? "invalid-field" : "missing-field", a.path("legalRepresentative"),
                        "法人申请人须登记法定代表人 {\"name\", \"documentKind\", \"idNumber\"} (the legal representative is required)");
            }
            Fields r = a.object("legalRepresentative");
            Person representative = person(r);
            applicant = new Applicant(ApplicantKind.LEGAL_PERSON, name, Optional.empty(), Optional.of(new UnifiedSocialCreditCode(code)),
                    Optional.of(representative), Optional.empty());
        }
        return agent.map(applicant::withAgent).orElse(applicant);
    }

    /** @return the identity document of the fields' person: documentKind (default RESIDENT_ID), idNumber, nationality */
    private static IdentityDocument document(Fields p) {
        String kindText = p.text("documentKind", 32);
        IdentityDocument.Kind kind = kindText.isEmpty() ? IdentityDocument.Kind.RESIDENT_ID
                : fieldEnum(IdentityDocument.Kind.class, kindText, p.path("documentKind"));
        String number = p.required("idNumber", Fields.SHORT);
        String nationality = p.text("nationality", 3);
        if (!nationality.isEmpty() && !kind.takesNationality()) {
            throw new Fields.FieldProblem("invalid-nationality", p.path("nationality"), kind.chinese() + "不填写国籍（no nationality is recorded with a "
                    + kind.english() + "）");
        }
        if (kind.takesNationality() && nationality.isEmpty()) {
            throw new Fields.FieldProblem("missing-field", p.path("nationality"), kind.chinese() + "须填写国籍（ISO 3166-1 三位字母代码，如 USA） "
                    + "(field '" + p.path("nationality") + "' is required)");
        }
        Optional<String> problem = IdentityDocument.problem(kind, number, nationality);
        if (problem.isPresent()) {
            boolean aboutNationality = kind.takesNationality() && problem.get().startsWith("国籍");
            throw new Fields.FieldProblem(aboutNationality ? "invalid-nationality" : "invalid-id-number",
                    p.path(aboutNationality ? "nationality" : "idNumber"), problem.get());
        }
        return new IdentityDocument(kind, number, nationality);
    }

    private static Person person(Fields p) {
        String name = p.required("name", Fields.NAME);
        return new Person(name, document(p));
    }

    /**
     * @return the mail address of the body's {@code mail} object {recipient, phone, province, city, district, street}, if there
     *         is one; a bad value is a 400 naming it, e.g. {@code mail.phone}
     */
    public static Optional<MailAddress> mailAddress(Fields body) {
        if (!body.has("mail") || body.json().getValue("mail") == null) {
            return Optional.empty();
        }
        Fields m = body.object("mail");
        String recipient = m.text("recipient", 64);
        String phone = m.text("phone", 20);
        String province = m.text("province", 32);
        String city = m.text("city", 32);
        String district = m.text("district", 32);
        String street = m.text("street", 200);
        try {
            return Optional.of(new MailAddress(recipient, phone, province, city, district, street));
        } catch (CaseException e) {
            throw new Fields.FieldProblem(e.code(), m.path(e.field()), e.getMessage());
        }
    }

    private static Agent agent(Fields g, LocalDate today) {
        Person person = person(g);
        String phone = g.required("phone", 20);
        if (!phone.matches("\\+?[0-9][0-9 -]{3,18}[0-9]")) {
            throw new Fields.FieldProblem("invalid-phone", g.path("phone"), "联系电话应为5至20位数字（可含+、-） (a phone has 5 to 20 digits)");
        }
        String attorney = g.required("powerOfAttorney", Fields.SHORT);
        LocalDate signed = g.has("powerOfAttorneyDate") ? g.date("powerOfAttorneyDate") : null;
        if (signed == null) {
            throw new Fields.FieldProblem("missing-field", g.path("powerOfAttorneyDate"), "缺少授权委托书签署日期 “" + g.path("powerOfAttorneyDate")
                    + "”（如 2026-11-20） (field '" + g.path("powerOfAttorneyDate") + "' is required)");
        }
        if (signed.isAfter(today)) {
            throw new Fields.FieldProblem("invalid-field", g.path("powerOfAttorneyDate"), "授权委托书签署日期不能晚于今天 (the power of attorney is signed before it is used)");
        }
        return new Agent(person, phone, attorney, signed);
    }

    /** @return the enum constant the text names; a 400 naming the field otherwise */
    static <E extends Enum<E>> E fieldEnum(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new Fields.FieldProblem("invalid-field", field, "“" + field + "” 应为 " + java.util.Arrays.toString(type.getEnumConstants())
                    + " 之一 (must be one of them)");
        }
    }

    /** @return the fee charged in yuan (a number, at most two decimals), if the body records one in {@code field} */
    public static Optional<BigDecimal> fee(Fields body, String field) {
        if (!body.has(field) || body.json().getValue(field) == null) {
            return Optional.empty();
        }
        Object v = body.json().getValue(field);
        if (!(v instanceof Number n)) {
            throw new Fields.FieldProblem("invalid-fee", body.path(field), "“" + body.path(field) + "” 应为金额（元），如 50 或 12.5 (must be a number of yuan)");
        }
        try {
            return Optional.of(Fees.checked(new BigDecimal(n.toString())));
        } catch (IllegalArgumentException e) {
            throw new Fields.FieldProblem("invalid-fee", body.path(field), e.getMessage());
        }
    }

    /**
     * A delivery: {@code method}, {@code detail}, {@code trackingNumber}, {@code cabinet}, {@code feeCharged}; for MAIL
     * {@code carrier} (EMS or CHINA_POST_REGISTERED, EMS when absent) and {@code mail} (see {@link #mailAddress}, absent for
     * the address recorded at acceptance); {@code applicantAsked} when a case to be mailed is handed over otherwise.
     */
    public static Delivery delivery(Fields body) {
        DeliveryMethod method = enumParam(DeliveryMethod.class, body.text("method", 16), "method");
        Optional<MailAddress> mail = mailAddress(body);
        Optional<MailCarrier> carrier = body.has("carrier") && body.json().getValue("carrier") != null
                ? Optional.of(fieldEnum(MailCarrier.class, body.text("carrier", 32), body.path("carrier"))) : Optional.empty();
        if (method != DeliveryMethod.MAIL && (mail.isPresent() || carrier.isPresent())) {
            throw new Fields.FieldProblem("invalid-delivery", body.path(mail.isPresent() ? "mail" : "carrier"),
                    "邮寄地址和承运方只用于免费邮寄（method MAIL） / mail and carrier are for a MAIL delivery only");
        }
        try {
            return new Delivery(method, body.text("detail", Fields.MATERIAL), body.text("trackingNumber", Fields.SHORT),
                    body.text("cabinet", Fields.SHORT), fee(body, "feeCharged"), mail, carrier, body.text("applicantAsked", Fields.MATERIAL));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-delivery", e.getMessage());
        }
    }

    public static String idempotencyKey(RoutingContext ctx) {
        String key = ctx.request().getHeader("Idempotency-Key");
        if (key != null && key.length() > 128) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Idempotency-Key is at most 128 characters");
        }
        return key == null ? "" : key;
    }

    /** @return the window a case action names, 0 when none */
    public static int window(Fields body) {
        return body.integer("window", 0, 0, WindowRoutes.MAX_WINDOW);
    }

    public static <E extends Enum<E>> E enumParam(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-" + field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public static int intParam(String value, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-query", "'" + Problems.echo(value) + "' is not a number");
        }
    }

    public static long longParam(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("unknown-letter", "没有授权书 " + Problems.echo(value));
        }
    }

    /** @return the month named, or the month of the hall's {@code today} */
    public static YearMonth month(String value, LocalDate today) {
        if (value == null || value.isEmpty()) {
            return YearMonth.from(today);
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-month", "month is written 2026-11");
        }
    }

    public static void send(RoutingContext ctx, int status, Callable<JsonObject> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
            } else {
                Json.send(ctx, status, r.result());
            }
        }));
    }
}
