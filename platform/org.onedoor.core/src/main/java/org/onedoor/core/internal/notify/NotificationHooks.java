package org.onedoor.core.internal.notify;

import java.util.Map;
import java.util.Optional;
import org.onedoor.api.cases.CaseEvent;
import org.onedoor.api.cases.CaseEvents;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.QueueEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall events that notify a citizen, written to the outbox when someone subscribed to the
 * ticket or the case ({@link HallNotifications#subscribe}): a ticket CALLED (template
 * {@code called}, key {@code ticket:<id>:called}, so a recall sends nothing more), a case
 * ACCEPTED ({@code case-accepted}) and RESULT_READY ({@code result-ready}). Every node hears every
 * event over the hall bus and writes it; the event key keeps it to one message.
 */
@Component(immediate = true, service = {})
public final class NotificationHooks {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationHooks.class);

    private final HallNotifications outbox;
    private final AutoCloseable queue;
    private final AutoCloseable cases;

    @Activate
    public NotificationHooks(@Reference HallNotifications outbox, @Reference QueueEvents queueEvents, @Reference CaseEvents caseEvents) {
        this.outbox = outbox;
        this.queue = queueEvents.subscribe(this::onQueue);
        this.cases = caseEvents.subscribe(this::onCase);
    }

    @Deactivate
    void stop() throws Exception {
        queue.close();
        cases.close();
    }

    void onQueue(QueueEvent e) {
        if ("CALLED".equals(e.type()) && !e.ticketId().isEmpty()) {
            notify("ticket:" + e.ticketId(), "ticket:" + e.ticketId() + ":called", "called",
                    Map.of("ticket", e.ticketNumber(), "window", Integer.toString(e.windowNumber())));
        }
    }

    void onCase(CaseEvent e) {
        if (e.caseNumber().isEmpty()) {
            return;
        }
        switch (e.type()) {
            case "ACCEPTED" -> notify("case:" + e.caseNumber(), "case:" + e.caseNumber() + ":accepted", "case-accepted",
                    Map.of("case", e.caseNumber()));
            case "RESULT_READY" -> notify("case:" + e.caseNumber(), "case:" + e.caseNumber() + ":result-ready", "result-ready",
                    Map.of("case", e.caseNumber()));
            default -> {
            }
        }
    }

    private void notify(String subject, String eventKey, String templateId, Map<String, String> values) {
        try {
            Optional<NotifyStore.Subscription> s = outbox.subscription(subject);
            if (s.isPresent()) {
                outbox.enqueue(eventKey, s.get().phone(), s.get().locale(), templateId, values);
            }
        } catch (RuntimeException ex) {
            // an event listener must not fail the bus; the reason is kept in the log, the phone masked
            LOG.warn("Notification {} could not be written: {}", eventKey, CitizenDataMasking.mask(String.valueOf(ex.getMessage())));
        }
    }
}
