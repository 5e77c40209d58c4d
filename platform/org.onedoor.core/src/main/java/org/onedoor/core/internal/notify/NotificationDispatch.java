package org.onedoor.core.internal.notify;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.onedoor.api.notify.NotificationException;
import org.onedoor.api.notify.NotificationMessage;
import org.onedoor.api.notify.NotificationSenderFactory;
import org.onedoor.api.notify.SendReceipt;
import org.onedoor.core.internal.time.HallScheduler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the due messages of the outbox, every {@code pollSeconds}: claims a batch (rows no other
 * node holds, see {@link NotifyStore#claim}), hands each to the active sender one at a time and
 * records what it answered: {@code SENT} with the centre's message id, a retry with backoff, or
 * {@code FAILED}. While no configured sender has its driver registered, nothing is claimed and
 * messages stay {@code QUEUED}.
 */
@Component(service = NotificationDispatch.class, immediate = true)
public final class NotificationDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatch.class);
    static final int BATCH = 20;

    private final HallNotifications outbox;
    private final SenderPool pool;
    private final String claimant;
    private final ScheduledFuture<?> task;

    @Activate
    public NotificationDispatch(@Reference HallNotifications outbox, @Reference HallScheduler scheduler) {
        this(outbox, Optional.of(scheduler));
    }

    NotificationDispatch(HallNotifications outbox, Optional<HallScheduler> scheduler) {
        this.outbox = outbox;
        this.pool = new SenderPool(outbox::delivered);
        this.claimant = node() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.task = scheduler.map(s -> s.every("notification dispatch", Duration.ofSeconds(outbox.config().pollSeconds()), this::round))
                .orElse(null);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addFactory(NotificationSenderFactory factory) {
        pool.addFactory(factory);
    }

    public void removeFactory(NotificationSenderFactory factory) {
        pool.removeFactory(factory);
    }

    /** Adds or replaces a configured sender (by its id). */
    public void addSetting(SenderSetting setting) {
        pool.addConfig(setting.config());
    }

    /** Removes a configured sender. */
    void removeSetting(String id) {
        pool.removeConfig(id);
    }

    @Deactivate
    public void stop() {
        if (task != null) {
            task.cancel(false);
        }
        pool.close();
    }

    /** @return this dispatcher's name in {@code claimed_by} */
    String claimant() {
        return claimant;
    }

    /** One round: sends what is due now; @return how many messages the sender accepted */
    public int round() {
        if (pool.active().isEmpty()) {
            return 0;
        }
        List<NotifyStore.Entry> claimed = outbox.claim(claimant, BATCH);
        int sent = 0;
        for (int i = 0; i < claimed.size(); i++) {
            NotifyStore.Entry e = claimed.get(i);
            Optional<SenderPool.Slot> slot = pool.active();
            if (slot.isEmpty()) {
                claimed.subList(i, claimed.size()).forEach(left -> outbox.release(left.id(), claimant));
                break;
            }
            if (send(e, slot.get())) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(NotifyStore.Entry e, SenderPool.Slot slot) {
        NotificationMessage message = new NotificationMessage(e.eventKey(), e.phone(), e.templateId(), e.locale(), e.text());
        if (outbox.optedOut(e.phone())) {
            outbox.failed(e.id(), claimant, "", e.attempts(), true, "opted-out");
            return false;
        }
        try {
            SendReceipt receipt = slot.send(message);
            if (!outbox.sent(e.id(), claimant, slot.id(), receipt.messageId(), receipt.parts())) {
                LOG.warn("{} was sent by {} after its claim had passed to another node", message, slot.id());
            }
            LOG.debug("{} sent by {} as {}", message, slot.id(), receipt.messageId());
            return true;
        } catch (NotificationException ex) {
            LOG.info("{} not accepted by {}{}: {}", message, slot.id(), ex.isRejected() ? " (rejected)" : "", ex.getMessage());
            outbox.failed(e.id(), claimant, slot.id(), e.attempts(), ex.isRejected(), ex.getMessage());
        } catch (RuntimeException ex) {
            LOG.warn("{}: sender {} failed: {}", message, slot.id(), ex.toString());
            outbox.failed(e.id(), claimant, slot.id(), e.attempts(), false, ex.toString());
        }
        return false;
    }

    private static String node() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            return "node";
        }
    }
}
