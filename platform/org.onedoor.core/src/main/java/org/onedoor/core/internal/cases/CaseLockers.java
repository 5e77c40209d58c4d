package org.onedoor.core.internal.cases;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.device.DeviceStatus;
import org.onedoor.api.device.DeviceView;
import org.onedoor.api.locker.DepositReceipt;
import org.onedoor.api.locker.LockerEvent;
import org.onedoor.api.locker.LockerException;
import org.onedoor.api.locker.PickupLockers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case module's link to the pickup lockers, which may be absent (the device bundle is not
 * required by the core): chooses the cabinet of a delivery, deposits a result and takes it back,
 * turns locker refusals into case refusals, and passes the citizens' pickups on, off the device thread.
 */
@Component(service = CaseLockers.class, configurationPid = "org.onedoor.cases", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class CaseLockers {

    /** A result in a locker door, with the code that opens it. */
    record Placed(String cabinetId, int door, long depositId, String pickupCode) {

        @Override
        public String toString() {
            return "Placed[cabinet=" + cabinetId + ", door=" + door + ", deposit=" + depositId + "]";
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CaseLockers.class);

    private final String defaultCabinet;
    private final List<Consumer<LockerEvent>> pickupListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService pickups = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "onedoor-case-lockers");
        t.setDaemon(true);
        return t;
    });
    private volatile PickupLockers lockers;
    private volatile AutoCloseable subscription;
    private volatile DeviceRegistry devices;

    @Activate
    public CaseLockers(CasesConfig config) {
        this.defaultCabinet = config.lockerCabinet() == null ? "" : config.lockerCabinet().strip();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindLockers(PickupLockers service) {
        AutoCloseable previous = subscription;
        lockers = service;
        subscription = service.subscribe(this::onLockerEvent);
        close(previous);
    }

    void unbindLockers(PickupLockers service) {
        if (lockers == service) {
            lockers = null;
            close(subscription);
            subscription = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindDevices(DeviceRegistry registry) {
        devices = registry;
    }

    void unbindDevices(DeviceRegistry registry) {
        if (devices == registry) {
            devices = null;
        }
    }

    @Deactivate
    void stop() {
        close(subscription);
        subscription = null;
        pickups.shutdown();
    }

    private static void close(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing a locker subscription: {}", e.getMessage());
            }
        }
    }

    /**
     * @param listener told of each citizen's pickup, one after another on the module's own thread
     * @return closing it ends the subscription
     */
    AutoCloseable onPickup(Consumer<LockerEvent> listener) {
        pickupListeners.add(listener);
        return () -> pickupListeners.remove(listener);
    }

    private void onLockerEvent(LockerEvent event) {
        if (event.type() != LockerEvent.Type.PICKED_UP) {
            return;
        }
        try {
            pickups.execute(() -> {
                for (Consumer<LockerEvent> l : pickupListeners) {
                    try {
                        l.accept(event);
                    } catch (RuntimeException e) {
                        LOG.error("The pickup of deposit {} from cabinet {} door {} could not be recorded on its case: {}",
                                event.depositId(), event.cabinetId(), event.door(), e.getMessage(), e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.error("The pickup of deposit {} from cabinet {} came while the cases were stopping; its case stays DELIVERED",
                    event.depositId(), event.cabinetId());
        }
    }

    /**
     * Puts a result into a free door of the delivery's cabinet and opens the door for the clerk.
     *
     * @param delivery    the delivery (its cabinet, or a detail naming a cabinet)
     * @param reference   the case or bundle number
     * @param depositedBy the clerk
     * @return the deposit with its pickup code
     * @throws CaseException UNAVAILABLE {@code locker-unavailable} / {@code cabinet-offline}, INVALID
     *                       {@code cabinet-required}, CONFLICT {@code unknown-cabinet} / {@code no-free-door}
     */
    Placed deposit(Delivery delivery, String reference, String depositedBy) {
        PickupLockers service = lockers;
        if (service == null) {
            throw new CaseException(CaseException.Reason.UNAVAILABLE, "locker-unavailable",
                    "本节点没有运行智能柜服务，不能放入自助取件柜；请改用统一出件窗口或邮寄送达，或请技术人员启用设备模块 "
                            + "(no pickup-locker service on this node)");
        }
        String cabinet = cabinetOf(delivery, service.cabinets());
        requireOnline(cabinet);
        try {
            DepositReceipt r = service.deposit(cabinet, reference, depositedBy);
            return new Placed(r.deposit().cabinetId(), r.deposit().door(), r.deposit().id(), r.pickupCode());
        } catch (LockerException e) {
            throw refusal(cabinet, e);
        }
    }

    private String cabinetOf(Delivery delivery, List<String> configured) {
        String cabinet = !delivery.cabinet().isEmpty() ? delivery.cabinet()
                : configured.contains(delivery.detail()) ? delivery.detail()
                : !defaultCabinet.isEmpty() ? defaultCabinet
                : configured.size() == 1 ? configured.get(0) : "";
        if (cabinet.isEmpty()) {
            throw new CaseException(CaseException.Reason.INVALID, "cabinet-required", configured.isEmpty()
                    ? "本节点没有配置智能柜，不能放入自助取件柜；请改用统一出件窗口或邮寄送达 (no locker cabinet is configured)"
                    : "请用 cabinet 指明智能柜：" + String.join("、", configured) + " (name the cabinet: " + configured + ")");
        }
        if (!configured.contains(cabinet)) {
            throw new CaseException(CaseException.Reason.CONFLICT, "unknown-cabinet", "没有编号为 " + cabinet + " 的智能柜；可用："
                    + (configured.isEmpty() ? "无" : String.join("、", configured)) + " (no locker cabinet '" + cabinet + "')");
        }
        return cabinet;
    }

    private void requireOnline(String cabinet) {
        DeviceRegistry registry = devices;
        Optional<DeviceStatus> status = registry == null ? Optional.empty()
                : registry.device(cabinet).map(DeviceView::health).map(h -> h.status());
        if (status.isPresent() && status.get() != DeviceStatus.ONLINE) {
            throw new CaseException(CaseException.Reason.UNAVAILABLE, "cabinet-offline", "智能柜 " + cabinet + " 暂时无法使用（"
                    + status.get() + "），结果未放入，办件仍待送达；请稍后再试或改用其他送达方式 (cabinet " + cabinet + " is not online)");
        }
    }

    private static CaseException refusal(String cabinet, LockerException e) {
        return switch (e.reason()) {
            case UNKNOWN_CABINET -> new CaseException(CaseException.Reason.CONFLICT, "unknown-cabinet", e.getMessage());
            case NO_FREE_DOOR -> new CaseException(CaseException.Reason.CONFLICT, "no-free-door", "智能柜 " + cabinet
                    + " 没有空闲柜门，办件仍待送达；请换一个智能柜或改用其他送达方式 (" + e.getMessage() + ")");
            case CABINET_OFFLINE -> new CaseException(CaseException.Reason.UNAVAILABLE, "cabinet-offline", e.getMessage());
            default -> new CaseException(CaseException.Reason.INVALID, "invalid-delivery", e.getMessage());
        };
    }

    /**
     * Takes a deposit back after its delivery could not be recorded, so that the locker and the case
     * agree; when even that fails, logs what staff must take out of which door.
     */
    void withdraw(Placed placed, String why) {
        PickupLockers service = lockers;
        String failure;
        try {
            if (service != null) {
                service.withdraw(placed.cabinetId(), placed.depositId(), why);
                return;
            }
            failure = "the locker service went away";
        } catch (RuntimeException e) {
            failure = e.getMessage();
        }
        LOG.error("Deposit {} in cabinet {} door {} belongs to no delivered case ({}) and could not be withdrawn: {}; "
                + "take the result out of the door and return it to the issuance window", placed.depositId(), placed.cabinetId(),
                placed.door(), why, failure);
    }
}
