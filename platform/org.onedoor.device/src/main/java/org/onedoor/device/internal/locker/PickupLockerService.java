package org.onedoor.device.internal.locker;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.onedoor.api.device.DeviceConfig;
import org.onedoor.api.device.DeviceKind;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.device.DeviceStatus;
import org.onedoor.api.device.DeviceView;
import org.onedoor.api.device.OpenDoor;
import org.onedoor.api.device.OutboxEntry;
import org.onedoor.api.device.OutboxState;
import org.onedoor.api.locker.Deposit;
import org.onedoor.api.locker.DepositReceipt;
import org.onedoor.api.locker.LockerDoor;
import org.onedoor.api.locker.LockerEvent;
import org.onedoor.api.locker.LockerException;
import org.onedoor.api.locker.LockerException.Reason;
import org.onedoor.api.locker.PickupLockers;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall's pickup lockers: the cabinets are this node's devices of kind {@code locker}, their
 * doors are opened through the device outbox, deposits and codes are kept in the store.
 */
@Component(service = PickupLockers.class, immediate = true)
public final class PickupLockerService implements PickupLockers {

    private static final Logger LOG = LoggerFactory.getLogger(PickupLockerService.class);
    private static final Duration USED_CODES_KEPT = Duration.ofDays(7);
    private static final Duration DEFAULT_LEFT_OPEN = Duration.ofSeconds(120);

    private final LockerStore store;
    private final DeviceRegistry devices;
    private final ScheduledExecutorService executor;
    private final Duration openWait;
    private final PickupCodes codes = new PickupCodes();
    private final PickupThrottle throttle;
    private final DoorWatch watch = new DoorWatch();
    private final List<Consumer<LockerEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledFuture<?> watching;

    @Activate
    public PickupLockerService(@Reference HallDatabase database,
            @Reference DeviceRegistry devices, @Reference(target = "(onedoor.scheduler=devices)") ScheduledExecutorService executor) {
        this(new LockerStore(database), devices, executor, Duration.ofSeconds(10));
    }

    PickupLockerService(LockerStore store, DeviceRegistry devices, ScheduledExecutorService executor, Duration openWait) {
        this.store = store;
        this.devices = devices;
        this.executor = executor;
        this.openWait = openWait;
        this.throttle = new PickupThrottle(store);
        this.watching = executor.scheduleWithFixedDelay(this::watchDoors, 1, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        watching.cancel(false);
    }

    @Override
    public List<String> cabinets() {
        return devices.devices().stream().filter(d -> d.config() != null && d.config().kind() == DeviceKind.LOCKER)
                .map(DeviceView::id).toList();
    }

    @Override
    public List<LockerDoor> doors(String cabinetId) {
        Cabinet cabinet = cabinet(cabinetId);
        store.ensureDoors(cabinetId, cabinet.doors());
        List<LockerDoor> out = new ArrayList<>();
        for (LockerDoor d : store.doors(cabinetId, cabinet.doors())) {
            out.add(new LockerDoor(d.cabinetId(), d.door(), d.use(), watch.state(cabinetId, d.door()), d.depositId(), d.note()));
        }
        return out;
    }

    @Override
    public Deposit withdraw(String cabinetId, long depositId, String reason) {
        cabinet(cabinetId);
        String why = reason == null || reason.isBlank() ? "withdrawn" : reason.strip();
        Deposit deposit = store.deposits(cabinetId, Instant.now().minus(USED_CODES_KEPT)).stream().map(StoredDeposit::deposit)
                .filter(d -> d.id() == depositId).findFirst()
                .orElseThrow(() -> new LockerException(Reason.INVALID, "柜 " + cabinetId + " 没有寄存 " + depositId
                        + " (no deposit " + depositId + " in cabinet " + cabinetId + ")"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String mark = "withdrawn: " + why;
        if (!store.claim(deposit.id(), now, mark.length() > 128 ? mark.substring(0, 128) : mark)) {
            throw new LockerException(Reason.CODE_USED, "寄存 " + depositId + " 已被取走 (deposit " + depositId + " was picked up)");
        }
        store.freeDoor(cabinetId, deposit.door(), deposit.id());
        LOG.warn("Deposit {} ({}) withdrawn from cabinet {} door {}: {}", deposit.id(), deposit.reference(), cabinetId, deposit.door(), why);
        return new Deposit(deposit.id(), cabinetId, deposit.door(), deposit.reference(), deposit.depositedBy(), deposit.depositedAt(),
                Optional.of(now));
    }

    @Override
    public LockerDoor returnToService(String cabinetId, int door) {
        Cabinet cabinet = cabinet(cabinetId);
        if (door < 1 || door > cabinet.doors()) {
            throw new LockerException(Reason.INVALID, "柜门编号须为 1-" + cabinet.doors() + " (door must be 1-" + cabinet.doors()
                    + ", was " + door + ")");
        }
        store.ensureDoors(cabinetId, cabinet.doors());
        store.inService(cabinetId, door);
        LOG.info("Cabinet {} door {} returned to service", cabinetId, door);
        return doors(cabinetId).get(door - 1);
    }

    @Override
    public DepositReceipt deposit(String cabinetId, String reference, String depositedBy) {
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty() || ref.length() > 128) {
            throw new LockerException(Reason.INVALID, "寄存内容编号须为 1-128 个字符 (reference must be 1-128 characters)");
        }
        if (depositedBy == null || depositedBy.isBlank()) {
            throw new LockerException(Reason.INVALID, "depositedBy is missing");
        }
        Cabinet cabinet = cabinet(cabinetId);
        store.ensureDoors(cabinetId, cabinet.doors());
        List<StoredDeposit> known = store.deposits(cabinetId, Instant.now().minus(USED_CODES_KEPT));
        String code = uniqueCode(known);
        String salt = codes.newSalt();
        Deposit deposit = store.deposit(cabinetId, cabinet.doors(), ref, depositedBy.strip(), salt, PickupCodes.hash(salt, code))
                .orElseThrow(() -> new LockerException(Reason.NO_FREE_DOOR,
                        "柜 " + cabinetId + " 没有空闲柜门 (no free door in cabinet " + cabinetId + ")"));
        OutboxEntry open = devices.submit(cabinetId, new OpenDoor(deposit.door()));
        LOG.info("Deposit {} ({}) in cabinet {} door {} by {}", deposit.id(), ref, cabinetId, deposit.door(), deposit.depositedBy());
        emit(new LockerEvent(LockerEvent.Type.DEPOSITED, cabinetId, deposit.door(), deposit.id(), deposit.depositedAt(),
                "寄存 " + ref + " (deposited by " + deposit.depositedBy() + ")"));
        return new DepositReceipt(deposit, code, open.sequence());
    }

    private String uniqueCode(List<StoredDeposit> known) {
        for (int tries = 0; tries < 50; tries++) {
            String code = codes.newCode();
            if (known.stream().noneMatch(d -> d.matches(code))) {
                return code;
            }
        }
        throw new LockerException(Reason.NO_FREE_DOOR, "cannot find an unused pickup code; free some doors");
    }

    @Override
    public Deposit pickup(String cabinetId, String code, String origin) {
        Cabinet cabinet = cabinet(cabinetId);
        String from = origin == null || origin.isBlank() ? "unknown" : origin.strip();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        throttle.check(cabinetId, from, now);
        String typed = code == null ? "" : code.strip();
        if (!PickupCodes.wellFormed(typed)) {
            throttle.failed(cabinetId, from, now);
            throw new LockerException(Reason.INVALID, "取件码为 " + PickupCodes.LENGTH + " 位数字 (a pickup code is "
                    + PickupCodes.LENGTH + " digits)");
        }
        List<StoredDeposit> known = store.deposits(cabinetId, now.minus(USED_CODES_KEPT));
        Optional<StoredDeposit> match = known.stream().filter(d -> d.matches(typed)).findFirst();
        if (match.isEmpty()) {
            throttle.failed(cabinetId, from, now);
            throw new LockerException(Reason.WRONG_CODE, "取件码不正确，请核对后重新输入 (wrong pickup code)");
        }
        Deposit deposit = match.get().deposit();
        if (!deposit.waiting()) {
            throttle.failed(cabinetId, from, now);
            throw new LockerException(Reason.CODE_USED, "该取件码已使用过 (this pickup code was already used)");
        }
        if (cabinet.status() != DeviceStatus.ONLINE) {
            throw new LockerException(Reason.CABINET_OFFLINE, "智能柜暂时无法使用，取件码仍然有效，请稍后再试或联系工作人员 (the cabinet is "
                    + cabinet.status() + "; the code stays valid)");
        }
        if (!store.claim(deposit.id(), now, from)) {
            throw new LockerException(Reason.CODE_USED, "该取件码已使用过 (this pickup code was already used)");
        }
        OutboxEntry open = devices.submit(cabinetId, new OpenDoor(deposit.door()));
        OutboxEntry finished = await(cabinetId, open);
        if (finished.state() == OutboxState.PENDING) {
            executor.schedule(() -> settleLater(deposit, open.sequence(), 0), 1, TimeUnit.SECONDS);
            throw new LockerException(Reason.OPEN_PENDING, "柜门正在打开，请稍候 (the door opens as soon as the cabinet answers)");
        }
        return settle(deposit, finished, now);
    }

    private OutboxEntry await(String cabinetId, OutboxEntry open) {
        long deadline = System.nanoTime() + openWait.toNanos();
        OutboxEntry now = open;
        while (now.state() == OutboxState.PENDING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
            now = devices.entry(cabinetId, open.sequence()).orElse(now);
        }
        return now;
    }

    /** Finishes a pickup whose door command is done: frees the door, or reports it failed and lets the code work again. */
    private Deposit settle(Deposit deposit, OutboxEntry finished, Instant pickedUpAt) {
        String cabinetId = deposit.cabinetId();
        if (finished.state() == OutboxState.DELIVERED) {
            store.freeDoor(cabinetId, deposit.door(), deposit.id());
            LOG.info("Deposit {} picked up from cabinet {} door {}", deposit.id(), cabinetId, deposit.door());
            emit(new LockerEvent(LockerEvent.Type.PICKED_UP, cabinetId, deposit.door(), deposit.id(), Instant.now(),
                    "取件 " + deposit.reference()));
            return new Deposit(deposit.id(), cabinetId, deposit.door(), deposit.reference(), deposit.depositedBy(),
                    deposit.depositedAt(), Optional.of(pickedUpAt));
        }
        store.unclaim(deposit.id());
        store.outOfService(cabinetId, deposit.door(), finished.note());
        LOG.warn("Cabinet {} door {} failed to open for deposit {}: {}", cabinetId, deposit.door(), deposit.id(), finished.note());
        emit(new LockerEvent(LockerEvent.Type.DOOR_FAILED_TO_OPEN, cabinetId, deposit.door(), deposit.id(), Instant.now(),
                finished.note()));
        throw new LockerException(Reason.DOOR_FAILED_TO_OPEN, "柜门 " + deposit.door()
                + " 未能打开，取件码仍然有效，工作人员已收到通知 (door failed to open; the code stays valid and the staff are told)");
    }

    private void settleLater(Deposit deposit, long sequence, int round) {
        Optional<OutboxEntry> now = devices.device(deposit.cabinetId()).isPresent()
                ? devices.entry(deposit.cabinetId(), sequence) : Optional.empty();
        if (now.isEmpty()) {
            return;
        }
        if (now.get().state() == OutboxState.PENDING) {
            executor.schedule(() -> settleLater(deposit, sequence, round + 1), Math.min(30, 1 + round), TimeUnit.SECONDS);
            return;
        }
        try {
            settle(deposit, now.get(), Instant.now());
        } catch (LockerException e) {
            LOG.debug("late pickup of deposit {}: {}", deposit.id(), e.getMessage());
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<LockerEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void emit(LockerEvent event) {
        for (Consumer<LockerEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A locker event listener failed: {}", e.getMessage());
            }
        }
    }

    private void watchDoors() {
        try {
            for (DeviceView d : devices.devices()) {
                if (d.config() == null || d.config().kind() != DeviceKind.LOCKER || d.children().isEmpty()) {
                    continue;
                }
                Duration leftOpen = seconds(d.config(), "leftOpenSeconds").orElse(DEFAULT_LEFT_OPEN);
                for (LockerEvent e : watch.observe(d.id(), d.children(), leftOpen, Instant.now())) {
                    if (e.type() == LockerEvent.Type.DOOR_LEFT_OPEN) {
                        LOG.warn("Cabinet {}: {}", e.cabinetId(), e.detail());
                    }
                    emit(e);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Watching the locker doors failed: {}", e.getMessage());
        }
    }

    private static Optional<Duration> seconds(DeviceConfig config, String key) {
        try {
            return Optional.ofNullable(config.properties().get(key)).map(String::strip).map(Long::parseLong).map(Duration::ofSeconds);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A cabinet as the device registry sees it. */
    private record Cabinet(int doors, DeviceStatus status) {
    }

    private Cabinet cabinet(String cabinetId) {
        DeviceView view = cabinetId == null ? null : devices.device(cabinetId).orElse(null);
        if (view == null || (view.config() != null && view.config().kind() != DeviceKind.LOCKER)) {
            throw new LockerException(Reason.UNKNOWN_CABINET, "没有编号为 " + cabinetId + " 的智能柜 (no locker cabinet '" + cabinetId
                    + "' is configured on this node)");
        }
        DeviceConfig config = view.config();
        String doors = config == null ? null : config.properties().get("doors");
        try {
            int n = Integer.parseInt(doors == null ? "" : doors.strip());
            if (n >= 1 && n <= 100) {
                return new Cabinet(n, view.health().status());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LockerException(Reason.CABINET_OFFLINE, "智能柜 " + cabinetId + " 配置有误 (cabinet configuration error: "
                + (config == null ? view.health().message() : "doors must be 1-100") + ")");
    }
}
