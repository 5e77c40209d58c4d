package org.onedoor.web.internal.security;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.session.HallSessions;
import org.onedoor.api.session.OpenedSession;
import org.onedoor.api.session.SessionKind;
import org.onedoor.api.user.HallRole;
import org.onedoor.api.user.HallUser;
import org.onedoor.api.user.HallUsers;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.AuditLog;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.Json;
import org.onedoor.web.internal.http.Problems;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issues kiosk device tokens ({@code POST /api/v1/admin/device-tokens}, admins): long-lived bearer tokens of a kiosk user. */
@Component(service = RouteContributor.class)
public final class DeviceTokenRoutes implements RouteContributor {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceTokenRoutes.class);

    private final HallUsers users;
    private final HallSessions sessions;
    private final WebAccess access;
    private final AuditTrail audit;

    @Activate
    public DeviceTokenRoutes(@Reference HallUsers users, @Reference HallSessions sessions, @Reference WebAccess access,
            @Reference AuditTrail audit) {
        this.users = users;
        this.sessions = sessions;
        this.access = access;
        this.audit = audit;
    }

    @Override
    public void contribute(Router router) {
        router.post("/api/v1/admin/device-tokens").handler(access.requireAnyRole(HallRole.ADMIN.id())).handler(this::issue);
    }

    private void issue(RoutingContext ctx) {
        Fields body = Fields.of(ctx).refusedAs("invalid-device");
        if (!body.has("username")) {
            throw new Fields.FieldProblem("invalid-device", "username", "give the kiosk user as {\"username\": \"...\"}");
        }
        String device = body.required("username", Fields.USER);
        ctx.vertx().executeBlocking(() -> {
            HallUser user = users.user(device).orElseThrow(() -> ProblemException.notFound("unknown-user", "no user '" + Problems.echo(device) + "'"));
            if (user.disabled() || !user.roles().equals(Set.of(HallRole.KIOSK))) {
                throw ProblemException.badRequest("invalid-device",
                        "device tokens are issued only for enabled users whose one role is kiosk; '" + Problems.echo(device) + "' holds " + user.roles());
            }
            return sessions.open(new HallPrincipal(device, Set.of(HallRole.KIOSK.id()), user.department()), SessionKind.DEVICE);
        }, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            OpenedSession s = r.result();
            LOG.info("Device token for {} issued by {} from {}", device, ctx.<String>get(WebAccess.USER), AuditLog.origin(ctx));
            AuditLog.record(audit, ctx, "device-token-issue", device, AuditEvent.SUCCESS, "valid until " + s.expiresAt());
            Json.send(ctx, 201, AuthRoutes.principal(s.principal()).put("token", s.token()).put("tokenType", "Bearer")
                    .put("expiresAt", s.expiresAt().toString()));
        }));
    }
}
