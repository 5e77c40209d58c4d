package org.onedoor.web.internal.device;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.locker.Deposit;
import org.onedoor.api.locker.DepositReceipt;
import org.onedoor.api.locker.LockerDoor;
import org.onedoor.api.locker.LockerException;
import org.onedoor.api.locker.PickupLockers;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.Json;
import org.onedoor.web.internal.http.Problems;
import org.onedoor.web.internal.http.TooManyRequests;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The pickup lockers: technicians see the cabinets and their doors, clerks and approvers deposit
 * results, and the locker's kiosk (no sign-in) opens a door with the citizen's pickup code.
 */
@Component(service = RouteContributor.class)
public final class LockerRoutes implements RouteContributor {

    static final String[] DEPOSIT_ROLES = {"admin", "clerk", "approver"};

    private final PickupLockers lockers;
    private final DeviceRegistry devices;
    private final WebAccess access;

    @Activate
    public LockerRoutes(@Reference PickupLockers lockers, @Reference DeviceRegistry devices, @Reference WebAccess access) {
        this.lockers = lockers;
        this.devices = devices;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/lockers").handler(access.requireAnyRole(DeviceRoutes.TECHNICIAN_ROLES)).handler(this::list);
        router.get("/api/v1/lockers/:cabinet/doors").handler(access.requireAnyRole(DeviceRoutes.TECHNICIAN_ROLES)).handler(this::doors);
        router.post("/api/v1/lockers/:cabinet/doors/:door/in-service").handler(access.requireAnyRole(DeviceRoutes.TECHNICIAN_ROLES))
                .handler(this::inService);
        router.post("/api/v1/lockers/:cabinet/deposits").handler(access.requireAnyRole(DEPOSIT_ROLES)).handler(this::deposit);
        router.post("/api/v1/lockers/:cabinet/pickup").handler(this::pickup);
    }

    private void list(RoutingContext ctx) {
        blocking(ctx, 200, () -> {
            JsonArray cabinets = new JsonArray();
            for (String id : lockers.cabinets()) {
                JsonObject cabinet = new JsonObject().put("id", id);
                devices.device(id).ifPresent(d -> cabinet.put("status", d.health().status().name())
                        .put("detail", d.health().detail().name()).put("message", d.health().message()));
                cabinets.add(cabinet.put("doors", doors(id)));
            }
            return new JsonObject().put("count", cabinets.size()).put("cabinets", cabinets);
        });
    }

    private void doors(RoutingContext ctx) {
        String cabinet = ctx.pathParam("cabinet");
        blocking(ctx, 200, () -> new JsonObject().put("cabinetId", cabinet).put("doors", doors(cabinet)));
    }

    private JsonArray doors(String cabinet) {
        JsonArray out = new JsonArray();
        for (LockerDoor d : lockers.doors(cabinet)) {
            out.add(new JsonObject().put("door", d.door()).put("use", d.use().name()).put("state", d.state())
                    .put("depositId", d.depositId() == 0 ? null : d.depositId()).put("note", d.note()));
        }
        return out;
    }

    private void inService(RoutingContext ctx) {
        String cabinet = ctx.pathParam("cabinet");
        int door;
        try {
            door = Integer.parseInt(ctx.pathParam("door"));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-door", "the door is a number, not '" + Problems.echo(ctx.pathParam("door")) + "'");
        }
        blocking(ctx, 200, () -> {
            LockerDoor d = lockers.returnToService(cabinet, door);
            return new JsonObject().put("cabinetId", cabinet).put("door", d.door()).put("use", d.use().name()).put("state", d.state());
        });
    }

    private void deposit(RoutingContext ctx) {
        String cabinet = ctx.pathParam("cabinet");
        String reference = Fields.of(ctx).text("reference", Fields.REFERENCE);
        if (reference.isEmpty()) {
            throw ProblemException.badRequest("missing-reference", "say what is deposited: {\"reference\": \"case number\"}");
        }
        String user = ctx.get(WebAccess.USER);
        blocking(ctx, 201, () -> {
            DepositReceipt r = lockers.deposit(cabinet, reference, user);
            return deposit(r.deposit()).put("pickupCode", r.pickupCode()).put("openSequence", r.openSequence());
        });
    }

    private void pickup(RoutingContext ctx) {
        String cabinet = ctx.pathParam("cabinet");
        String code = Fields.of(ctx).text("code", 16);
        if (code.isEmpty()) {
            throw ProblemException.badRequest("missing-code", "请输入取件码 (type the pickup code): {\"code\": \"123456\"}");
        }
        String origin = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        ctx.vertx().executeBlocking(() -> lockers.pickup(cabinet, code, origin), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.succeeded()) {
                Deposit d = r.result();
                Json.send(ctx, 200, new JsonObject().put("cabinetId", d.cabinetId()).put("door", d.door()).put("state", "open")
                        .put("message", "请到 " + d.door() + " 号柜门取件 (door " + d.door() + " is open)"));
            } else if (r.cause() instanceof LockerException e && e.reason() == LockerException.Reason.OPEN_PENDING) {
                Json.send(ctx, 202, new JsonObject().put("cabinetId", cabinet).put("state", "opening").put("message", e.getMessage()));
            } else {
                fail(ctx, r.cause());
            }
        }));
    }

    private static JsonObject deposit(Deposit d) {
        return new JsonObject().put("id", d.id()).put("cabinetId", d.cabinetId()).put("door", d.door())
                .put("reference", d.reference()).put("depositedBy", d.depositedBy()).put("depositedAt", d.depositedAt().toString());
    }

    private static void blocking(RoutingContext ctx, int status, Callable<JsonObject> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.succeeded()) {
                Json.send(ctx, status, r.result());
            } else {
                fail(ctx, r.cause());
            }
        }));
    }

    private static void fail(RoutingContext ctx, Throwable cause) {
        if (!(cause instanceof LockerException e)) {
            ctx.fail(cause);
            return;
        }
        if (e.reason() == LockerException.Reason.TOO_MANY_ATTEMPTS) {
            TooManyRequests.fail(ctx, "too-many-pickup-attempts", Duration.ofSeconds(e.retryAfterSeconds()), e.getMessage());
            return;
        }
        ctx.fail(switch (e.reason()) {
            case UNKNOWN_CABINET -> ProblemException.notFound("unknown-cabinet", e.getMessage());
            case NO_FREE_DOOR -> new ProblemException(409, "no-free-door", "No free door", e.getMessage());
            case WRONG_CODE -> ProblemException.badRequest("wrong-pickup-code", e.getMessage());
            case CODE_USED -> new ProblemException(409, "pickup-code-used", "Pickup code used", e.getMessage());
            case CABINET_OFFLINE -> new ProblemException(503, "cabinet-offline", "Cabinet unavailable", e.getMessage());
            case DOOR_FAILED_TO_OPEN -> new ProblemException(503, "door-failed-to-open", "Door failed to open", e.getMessage());
            default -> ProblemException.badRequest("invalid-locker-request", e.getMessage());
        });
    }
}
