package org.onedoor.web.internal.cases;

import static org.onedoor.web.internal.cases.CaseRequests.NUMBER;
import static org.onedoor.web.internal.cases.CaseRequests.STAFF;
import static org.onedoor.web.internal.cases.CaseRequests.departmentBound;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.documents.CaseNotices;
import org.onedoor.documents.NoticeFacts;
import org.onedoor.documents.NoticeKind;
import org.onedoor.documents.NoticeNotApplicableException;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.AuditLog;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.Problems;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/cases/{no}/notices/{kind}.pdf}: a case's printable notice (acceptance, correction,
 * result), rendered by the documents bundle. Staff only: hall-wide staff for any case, approvers and
 * department users for their own department's (403 {@code out-of-department}); never public. The
 * check code is printed only when the caller passes it ({@code ?checkCode=}, right after acceptance)
 * and it matches; the hall keeps only its hash, so a reprint without it points to the receipt. Each
 * printed notice is kept in the audit trail as {@code case-notice} with its kind and SHA-256.
 */
@Component(service = RouteContributor.class)
public final class NoticeRoutes implements RouteContributor {

    static final String PATH = "/api/v1/cases/" + NUMBER + "/notices/(?<kind>[a-z]+)\\.pdf";

    private final HallCases cases;
    private final DepartmentDirectory departments;
    private final CaseNotices notices;
    private final AuditTrail trail;
    private final WebAccess access;

    @Activate
    public NoticeRoutes(@Reference HallCases cases, @Reference DepartmentDirectory departments, @Reference CaseNotices notices,
            @Reference AuditTrail trail, @Reference WebAccess access) {
        this.cases = cases;
        this.departments = departments;
        this.notices = notices;
        this.trail = trail;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.getWithRegex(PATH).handler(access.requireAnyRole(STAFF)).handler(this::notice);
    }

    private void notice(RoutingContext ctx) {
        String number = ctx.pathParam("no").toUpperCase(Locale.ROOT);
        NoticeKind kind = NoticeKind.ofSlug(ctx.pathParam("kind")).orElseThrow(() -> new Fields.FieldProblem("unknown-notice", "kind",
                "没有通知书 “" + Problems.echo(ctx.pathParam("kind")) + "”，可选 acceptance、correction、refusal、result (no such notice)"));
        String code = ctx.queryParams().get("checkCode");
        if (code != null && !code.matches("\\d{6}")) {
            throw new Fields.FieldProblem("invalid-parameter", "checkCode", "查询码是 6 位数字 (the check code has six digits)");
        }
        HallPrincipal principal = ctx.get(WebAccess.PRINCIPAL);
        ctx.vertx().executeBlocking(() -> {
            HallCase h = readable(principal, number);
            if (code != null && cases.lookup(number, code).isEmpty()) {
                throw new Fields.FieldProblem("wrong-check-code", "checkCode", "查询码与办件 " + h.number() + " 不符 (the check code does not match the case)");
            }
            String department = departments.department(h.departmentId()).map(Department::nameZh).orElse(h.departmentId());
            try {
                return notices.render(kind, h, new NoticeFacts(department, code == null ? "" : code));
            } catch (NoticeNotApplicableException e) {
                throw new ProblemException(409, "notice-not-applicable", "Conflict", e.getMessage());
            }
        }, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            AuditLog.record(trail, ctx, "case-notice", number, AuditEvent.SUCCESS, kind.slug() + " sha256=" + sha256(r.result()));
            ctx.response().setStatusCode(200)
                    .putHeader("Content-Type", "application/pdf")
                    .putHeader("Content-Disposition", "inline; filename=\"" + number + "-" + kind.slug() + ".pdf\"")
                    .putHeader("Cache-Control", "no-store")
                    .end(Buffer.buffer(r.result()));
        }));
    }

    private static String sha256(byte[] document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private HallCase readable(HallPrincipal p, String number) {
        HallCase h = cases.find(number).orElseThrow(() -> ProblemException.notFound("unknown-case", "没有办件 " + Problems.echo(number)));
        if (departmentBound(p) && !p.department().map(h.departmentId()::equals).orElse(false)) {
            throw new ProblemException(403, "out-of-department", "Forbidden", "办件 " + h.number() + " 属于 " + h.departmentId()
                    + "，用户 " + p.user() + " 只能打印本部门办件的通知书");
        }
        return h;
    }
}
