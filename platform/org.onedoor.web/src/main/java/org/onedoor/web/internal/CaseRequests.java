package org.onedoor.web.internal;

import org.onedoor.web.Guarded;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.onedoor.api.cases.Applicant;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.citizen.ResidentIdNumber;
import org.onedoor.api.cluster.HallCluster;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.ProblemException;
import org.onedoor.web.WebAccess;

/** What the case routes share: reading request bodies and parameters, department scoping, the actor, answering off the event loop. */
final class CaseRequests {

    static final String[] STAFF = {"admin", "operator", "clerk", "approver", "department", "supervisor"};
    static final String[] CLERKS = {"admin", "operator", "clerk"};
    static final String[] DECIDERS = {"approver", "department"};
    static final String[] RESULT = {"admin", "operator", "clerk", "approver", "department"};
    static final String[] LETTERS = {"admin", "operator", "department"};
    static final String[] SUPERVISORS = {"admin", "operator", "supervisor", "department", "approver"};
    static final String[] DASHBOARD = {"admin", "supervisor"};
    static final String[] FLAGS = {"admin", "operator", "supervisor"};
    private static final Set<String> HALL_READERS = Set.of("admin", "operator", "clerk", "supervisor");
    private static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");
    /** A case number in a path: department, day, sequence (e.g. A17-20261127-0001). */
    static final String NUMBER = "(?<no>[A-Za-z][0-9]{2}-[0-9]{8}-[0-9]{4,})";

    private CaseRequests() {
    }

    /** A reader acting for one department (approver or department user) sees only that department. */
    static boolean departmentBound(HallPrincipal p) {
        return !p.holdsAny(HALL_READERS);
    }

    static String scopedDepartment(RoutingContext ctx, String asked) {
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

    static CaseActor actor(RoutingContext ctx, int window, HallCluster c) {
        String origin = window > 0 ? "window:" + window : "node:" + (c == null ? "local" : c.nodeId());
        return new CaseActor(ctx.get(WebAccess.PRINCIPAL), origin);
    }

    static Applicant applicant(Fields body) {
        if (!(body.json().getValue("applicant") instanceof JsonObject)) {
            throw new Fields.FieldProblem("invalid-application", "applicant", "applicant: {\"name\": \"张三\", \"idNumber\": \"18位身份证号码\"}");
        }
        Fields a = body.object("applicant");
        String id = a.text("idNumber", Fields.SHORT);
        Optional<String> problem = ResidentIdNumber.problem(id);
        if (problem.isPresent()) {
            throw ProblemException.badRequest("invalid-id-number", problem.get());
        }
        try {
            return new Applicant(a.text("name", Fields.NAME), new ResidentIdNumber(id));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-application", e.getMessage());
        }
    }

    static Delivery delivery(Fields body) {
        DeliveryMethod method = enumParam(DeliveryMethod.class, body.text("method", 16), "method");
        try {
            return new Delivery(method, body.text("detail", Fields.MATERIAL), body.text("trackingNumber", Fields.SHORT),
                    body.text("cabinet", Fields.SHORT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-delivery", e.getMessage());
        }
    }

    static String idempotencyKey(RoutingContext ctx) {
        String key = ctx.request().getHeader("Idempotency-Key");
        if (key != null && key.length() > 128) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Idempotency-Key is at most 128 characters");
        }
        return key == null ? "" : key;
    }

    /** @return the window a case action names, 0 when none */
    static int window(Fields body) {
        return body.integer("window", 0, 0, WindowRoutes.MAX_WINDOW);
    }

    static <E extends Enum<E>> E enumParam(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-" + field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static int intParam(String value, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-query", "'" + Problems.echo(value) + "' is not a number");
        }
    }

    static long longParam(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("unknown-letter", "没有授权书 " + Problems.echo(value));
        }
    }

    static YearMonth month(String value) {
        if (value == null || value.isEmpty()) {
            return YearMonth.from(LocalDate.now(HALL_ZONE));
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-month", "month is written 2026-11");
        }
    }

    static void send(RoutingContext ctx, int status, Callable<JsonObject> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
            } else {
                Json.send(ctx, status, r.result());
            }
        }));
    }
}
