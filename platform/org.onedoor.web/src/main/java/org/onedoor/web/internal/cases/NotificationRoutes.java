package org.onedoor.web.internal.cases;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.onedoor.api.notify.DeliveryStatus;
import org.onedoor.api.notify.NotificationSubscriptions;
import org.onedoor.api.notify.NotificationView;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.AuditLog;
import org.onedoor.web.internal.http.Fields;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A citizen's text messages (R13): {@code POST /api/v1/tickets/{id}/notifications {"phone", "language"}}
 * (public: the kiosk or the ticket page) asks to be told when the ticket is called;
 * {@code POST /api/v1/notifications/opt-out {"phone"}} (public) stops every message to a number;
 * {@code POST /api/v1/cases/{number}/notifications {"phone", "language"}} (clerk, admin, operator: the window
 * enters the applicant's number) tells the applicant of the case's result, pickup code and the like;
 * {@code POST /api/v1/admin/notifications/contacts {"role": "officer"|"department", "department", "phone"}}
 * (admin, operator) names the number of a matters-only unit's officer (R4) or of a department told of bad ratings;
 * {@code GET /api/v1/admin/notifications[?state=&limit=]} (admin, operator) lists the outbox, phones masked.
 */
@Component(service = RouteContributor.class)
public final class NotificationRoutes implements RouteContributor {

    /** A mainland mobile number, as a kiosk or page takes it (11 digits, 13x to 19x). */
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private static final Pattern DEPARTMENT = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,40}");

    private final NotificationSubscriptions subscriptions;
    private final HallQueue queue;
    private final HallCases cases;
    private final WebAccess access;

    @Activate
    public NotificationRoutes(@Reference NotificationSubscriptions subscriptions, @Reference HallQueue queue,
            @Reference HallCases cases, @Reference WebAccess access) {
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.cases = cases;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.post("/api/v1/tickets/:id/notifications").handler(this::subscribeTicket);
        router.post("/api/v1/notifications/opt-out").handler(this::optOut);
        router.post("/api/v1/cases/:number/notifications").handler(access.requireAnyRole("clerk", "admin", "operator"))
                .handler(this::subscribeCase);
        router.post("/api/v1/admin/notifications/contacts").handler(access.requireAnyRole("admin", "operator")).handler(this::contact);
        router.get("/api/v1/admin/notifications").handler(access.requireAnyRole("admin", "operator")).handler(this::list);
    }

    private void subscribeTicket(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > 36) {
            throw ProblemException.notFound("unknown-ticket", "没有这张票 (no such ticket)");
        }
        Fields body = Fields.of(ctx);
        String phone = mobile(body);
        Locale locale = language(body);
        CaseRequests.send(ctx, 201, () -> {
            if (queue.ticket(id).isEmpty()) {
                throw ProblemException.notFound("unknown-ticket", "没有这张票 (no such ticket)");
            }
            subscriptions.subscribe("ticket:" + id, phone, locale);
            return new JsonObject().put("ticketId", id).put("phone", CitizenDataMasking.maskPhone(phone))
                    .put("message", "叫号时将短信通知 " + CitizenDataMasking.maskPhone(phone)
                            + " (a text message will tell you when you are called)");
        });
    }

    private void subscribeCase(RoutingContext ctx) {
        String number = ctx.pathParam("number");
        if (!CASE_NUMBER.matcher(number).matches()) {
            throw ProblemException.notFound("unknown-case", "没有这个办件 (no such case)");
        }
        Fields body = Fields.of(ctx);
        String phone = mobile(body);
        Locale locale = language(body);
        CaseRequests.send(ctx, 201, () -> {
            if (cases.find(number).isEmpty()) {
                throw ProblemException.notFound("unknown-case", "没有这个办件 (no such case)");
            }
            subscriptions.subscribe("case:" + number, phone, locale);
            return new JsonObject().put("case", number).put("phone", CitizenDataMasking.maskPhone(phone))
                    .put("message", "办结、取件等消息将短信通知 " + CitizenDataMasking.maskPhone(phone)
                            + " (text messages will tell of the result, the pickup code and the like)");
        });
    }

    private void contact(RoutingContext ctx) {
        Fields body = Fields.of(ctx);
        String role = body.required("role", 16);
        if (!role.equals("officer") && !role.equals("department")) {
            throw new Fields.FieldProblem("invalid-role", "role", "role: officer(首席代表/专员) 或 department(差评接收) (officer or department)");
        }
        String department = body.required("department", 32);
        if (!DEPARTMENT.matcher(department).matches()) {
            throw new Fields.FieldProblem("invalid-department", "department", "department: 单位编号,如 A26 (a unit id such as A26)");
        }
        String phone = mobile(body);
        Locale locale = language(body);
        CaseRequests.send(ctx, 201, () -> {
            subscriptions.subscribe(role + ":" + department, phone, locale);
            return new JsonObject().put("role", role).put("department", department).put("phone", CitizenDataMasking.maskPhone(phone));
        });
    }

    private void optOut(RoutingContext ctx) {
        String phone = mobile(Fields.of(ctx));
        String origin = "web " + AuditLog.origin(ctx);
        CaseRequests.send(ctx, 200, () -> {
            subscriptions.optOut(phone, origin);
            return new JsonObject().put("phone", CitizenDataMasking.maskPhone(phone)).put("optedOut", true)
                    .put("message", "此号码不再接收大厅短信 (this number gets no more messages from the hall)");
        });
    }

    private void list(RoutingContext ctx) {
        String s = ctx.queryParams().get("state");
        Optional<DeliveryStatus> state;
        try {
            state = s == null || s.isEmpty() ? Optional.empty() : Optional.of(DeliveryStatus.valueOf(s.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new Fields.FieldProblem("invalid-state", "state", "state: QUEUED, SENT, DELIVERED 或 FAILED (one of these)");
        }
        String l = ctx.queryParams().get("limit");
        int limit;
        try {
            limit = l == null || l.isEmpty() ? 100 : Integer.parseInt(l);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 500) {
            throw new Fields.FieldProblem("invalid-limit", "limit", "limit: 1 到 500 (1 to 500)");
        }
        int n = limit;
        CaseRequests.send(ctx, 200, () -> new JsonObject().put("notifications",
                new JsonArray(subscriptions.recent(state, n).stream().map(NotificationRoutes::json).toList())));
    }

    private static JsonObject json(NotificationView v) {
        return new JsonObject().put("id", v.id()).put("eventKey", v.eventKey()).put("phone", v.maskedPhone())
                .put("template", v.templateId()).put("state", v.state().name()).put("attempts", v.attempts())
                .put("createdAt", v.createdAt().toString()).put("nextAttemptAt", v.nextAttemptAt() == null ? null : v.nextAttemptAt().toString())
                .put("sender", v.senderId()).put("messageId", v.messageId()).put("note", v.note());
    }

    private static String mobile(Fields body) {
        String phone = body.required("phone", 20).replace(" ", "").replace("-", "");
        if (!MOBILE.matcher(phone).matches()) {
            throw new Fields.FieldProblem("invalid-phone", "phone", "phone: 请填写11位手机号码 (an 11-digit mainland mobile number)");
        }
        return phone;
    }

    private static Locale language(Fields body) {
        String lang = body.text("language", 8);
        return switch (lang.isEmpty() ? "zh" : lang.toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn" -> Locale.SIMPLIFIED_CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> throw new Fields.FieldProblem("invalid-language", "language", "language: zh 或 en (zh or en)");
        };
    }
}
