package org.onedoor.web.internal.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Map;
import java.util.UUID;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.onedoor.api.queue.BookingException;
import org.onedoor.api.queue.OutsideOfficeHoursException;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.zone.UnknownZoneException;
import org.onedoor.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers every failed request with an RFC 9457 problem document; never with a stack trace. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /** Error handler for the router: maps the failure (or the bare status) to a problem document. */
    public static void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof Fields.FieldProblem f) {
            write(ctx, f.status(), f.code(), f.title(), f.getMessage(), f.field());
        } else if (failure instanceof ProblemException p && !p.field().isEmpty()) {
            write(ctx, p.status(), p.code(), p.title(), p.getMessage(), p.field());
        } else if (failure instanceof ProblemException p) {
            write(ctx, p.status(), p.code(), p.title(), p.getMessage());
        } else if (failure instanceof OutsideOfficeHoursException o) {
            ctx.response().setStatusCode(409).putHeader("Content-Type", CONTENT_TYPE).end(document(409, o.code(), "Conflict",
                    o.getMessage(), ctx.request().path(), null,
                    o.nextOpening().map(t -> Map.of("nextOpening", t.toOffsetDateTime().toString())).orElse(Map.of())));
        } else if (failure instanceof BookingException b) {
            int status = switch (b.reason()) {
                case NOT_FOUND -> 404;
                case INVALID -> 400;
                case CONFLICT -> 409;
                case FORBIDDEN -> 403;
            };
            write(ctx, status, b.code(), switch (status) {
                case 404 -> "Not found";
                case 400 -> "Bad request";
                case 403 -> "Forbidden";
                default -> "Conflict";
            }, b.getMessage(), b.field());
        } else if (failure instanceof QueueException q) {
            int status = switch (q.reason()) {
                case NOT_FOUND -> 404;
                case INVALID -> 400;
                case CONFLICT -> 409;
                case FORBIDDEN -> 403;
            };
            write(ctx, status, q.code(), switch (status) {
                case 404 -> "Not found";
                case 400 -> "Bad request";
                case 403 -> "Forbidden";
                default -> "Conflict";
            }, q.getMessage(), "unknown-hall".equals(q.code()) ? "hall" : null);
        } else if (failure instanceof CaseException k) {
            int status = switch (k.reason()) {
                case NOT_FOUND -> 404;
                case INVALID -> 400;
                case REFUSED -> 422;
                case CONFLICT -> 409;
                case FORBIDDEN -> 403;
                case TOO_MANY_ATTEMPTS -> 429;
                case UNAVAILABLE -> 503;
                case TOO_LARGE -> 413;
                case UNSUPPORTED_TYPE -> 415;
            };
            write(ctx, status, k.code(), switch (status) {
                case 404 -> "Not found";
                case 400 -> "Bad request";
                case 422 -> "Unprocessable content";
                case 409 -> "Conflict";
                case 429 -> "Too many requests";
                case 503 -> "Service unavailable";
                case 413 -> "Content too large";
                case 415 -> "Unsupported media type";
                default -> "Forbidden";
            }, k.getMessage(), k.field().isEmpty() ? null : k.field());
        } else if (failure instanceof StaffException st) {
            int status = switch (st.reason()) {
                case NOT_FOUND -> 404;
                case INVALID -> 400;
                case FORBIDDEN -> 403;
                case CONFLICT -> 409;
            };
            write(ctx, status, st.code(), switch (status) {
                case 404 -> "Not found";
                case 400 -> "Bad request";
                case 403 -> "Forbidden";
                default -> "Conflict";
            }, st.getMessage(), st.field().isEmpty() ? null : st.field());
        } else if (failure instanceof UnknownZoneException u) {
            write(ctx, 404, "unknown-zone", "Not found", "no zone '" + u.zoneId() + "' on this node");
        } else if (failure instanceof CalendarYearMissingException m) {
            write(ctx, 422, "calendar-year-missing", "Calendar year missing", m.getMessage());
        } else if (failure instanceof DecodeException) {
            write(ctx, 400, "malformed-json", "Bad request", "the request body is not valid JSON");
        } else if (failure instanceof HttpException h) {
            byStatus(ctx, h.getStatusCode());
        } else if (failure instanceof IllegalArgumentException) {
            write(ctx, 400, "invalid-input", "Bad request", failure.getMessage());
        } else if (failure != null) {
            String incident = UUID.randomUUID().toString();
            LOG.error("Request {} {} failed (incident {})", ctx.request().method(), CitizenDataMasking.mask(ctx.request().path()), incident, failure);
            write(ctx, 500, "internal-error", "Internal error",
                    "the node could not complete the request; incident " + incident + " is in the node's log");
        } else {
            byStatus(ctx, ctx.statusCode());
        }
    }

    private static void byStatus(RoutingContext ctx, int status) {
        switch (status) {
            case 400 -> write(ctx, 400, "bad-request", "Bad request", "the request could not be read");
            case 401 -> write(ctx, 401, "unauthenticated", "Unauthenticated", "sign in first");
            case 403 -> write(ctx, 403, "forbidden", "Forbidden", "your role does not allow this");
            case 404 -> write(ctx, 404, "not-found", "Not found", "nothing at " + echo(ctx.request().path()));
            case 405 -> write(ctx, 405, "method-not-allowed", "Method not allowed",
                    ctx.request().method() + " is not allowed on " + echo(ctx.request().path()));
            case 413 -> write(ctx, 413, "body-too-large", "Payload too large", "the request body is larger than the node accepts");
            case 415 -> write(ctx, 415, "unsupported-media-type", "Unsupported media type", "send application/json");
            default -> write(ctx, status >= 400 && status <= 599 ? status : 500, "http-" + status, "Error", "the request failed");
        }
    }

    /** Longest value (an id, a name) a detail repeats back; longer ones are cut to a prefix. */
    public static final int ECHO = 40;
    /** Longest detail a problem document carries. */
    public static final int MAX_DETAIL = 600;

    /** @return the value as a detail may repeat it: its first {@link #ECHO} characters, then "…" */
    public static String echo(String value) {
        if (value == null || value.length() <= ECHO) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(ECHO - 1)) ? ECHO - 1 : ECHO;
        return value.substring(0, end) + "…";
    }

    public static void write(RoutingContext ctx, int status, String code, String title, String detail) {
        write(ctx, status, code, title, detail, null);
    }

    public static void write(RoutingContext ctx, int status, String code, String title, String detail, String field) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE)
                .end(document(status, code, title, detail, ctx.request().path(), field));
    }

    /** @return the encoded problem document; {@code instance} is the request's path, or null when none could be read */
    public static String document(int status, String code, String title, String detail, String instance) {
        return document(status, code, title, detail, instance, null);
    }

    /** @return the encoded problem document, with the {@code field} member when a body field is at fault (else null) */
    public static String document(int status, String code, String title, String detail, String instance, String field) {
        return document(status, code, title, detail, instance, field, Map.of());
    }

    /** @return the encoded problem document with the given extension members */
    public static String document(int status, String code, String title, String detail, String instance, String field,
            Map<String, String> members) {
        String text = detail == null ? title : detail;
        if (text.length() > MAX_DETAIL) {
            text = text.substring(0, Character.isHighSurrogate(text.charAt(MAX_DETAIL - 1)) ? MAX_DETAIL - 1 : MAX_DETAIL) + "…";
        }
        JsonObject doc = new JsonObject()
                .put("type", "urn:onedoor:problem:" + code)
                .put("title", title)
                .put("status", status)
                .put("detail", text)
                .put("instance", instance)
                .put("code", code);
        if (field != null) {
            doc.put("field", field);
        }
        members.forEach(doc::put);
        return doc.encode();
    }
}
