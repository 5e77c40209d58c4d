package org.onedoor.core.internal.notify;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onedoor.api.cases.CaseEvaluations;
import org.onedoor.api.cases.CaseEvent;
import org.onedoor.api.cases.CaseEvents;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.Evaluation;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.QueueEvents;
import org.onedoor.api.queue.Ticket;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall events that tell someone, written to the outbox for the number subscribed to their
 * subject ({@link HallNotifications#subscribe}). Every node hears every event over the hall bus and
 * writes it; the event key keeps it to one message across the hall.
 *
 * <table>
 * <caption>events, keys and templates</caption>
 * <tr><th>event</th><th>subject</th><th>key</th><th>template</th></tr>
 * <tr><td>ticket CALLED</td><td>ticket</td><td>{@code ticket:<id>:called} (a recall sends nothing more)</td><td>called</td></tr>
 * <tr><td>a CALLED in the zone leaves at most {@code turnNearAhead} ahead</td><td>ticket</td><td>{@code ticket:<id>:near}</td><td>turn-near</td></tr>
 * <tr><td>case ACCEPTED</td><td>case</td><td>{@code case:<n>:accepted}</td><td>case-accepted</td></tr>
 * <tr><td>case ACCEPTED with tolerated missing materials</td><td>case</td><td>{@code case:<n>:supply-needed}</td><td>supply-needed</td></tr>
 * <tr><td>case RESULT_READY</td><td>case</td><td>{@code case:<n>:result-ready}</td><td>result-ready</td></tr>
 * <tr><td>case DELIVERED into a locker</td><td>case</td><td>{@code case:<n>:pickup-code}</td><td>pickup-code</td></tr>
 * <tr><td>OFFICER_CALLED (R4)</td><td>officer of the department</td><td>{@code case:<n>:officer-called}</td><td>officer-called</td></tr>
 * <tr><td>RATED dissatisfied</td><td>the department</td><td>{@code case:<n>:bad-rating:<party>:<revision>}</td><td>bad-rating</td></tr>
 * </table>
 */
@Component(immediate = true, service = {})
public final class NotificationHooks {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationHooks.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final HallNotifications outbox;
    private final AutoCloseable queueEvents;
    private final AutoCloseable caseEvents;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile HallQueue queue;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile HallCases cases;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CaseEvaluations evaluations;

    @Activate
    public NotificationHooks(@Reference HallNotifications outbox, @Reference QueueEvents queueEvents, @Reference CaseEvents caseEvents) {
        this.outbox = outbox;
        this.queueEvents = queueEvents.subscribe(this::onQueue);
        this.caseEvents = caseEvents.subscribe(this::onCase);
    }

    @Deactivate
    void stop() throws Exception {
        queueEvents.close();
        caseEvents.close();
    }

    void onQueue(QueueEvent e) {
        if (!"CALLED".equals(e.type()) || e.ticketId().isEmpty()) {
            return;
        }
        notify("ticket:" + e.ticketId(), "ticket:" + e.ticketId() + ":called", "called",
                Map.of("ticket", e.ticketNumber(), "window", Integer.toString(e.windowNumber())));
        near(e);
    }

    /** Tells the waiting tickets of the zone with at most {@code turnNearAhead} tickets ahead, once each. */
    private void near(QueueEvent e) {
        int ahead = outbox.config().turnNearAhead();
        HallQueue q = queue;
        if (ahead == 0 || q == null) {
            return;
        }
        List<Ticket> waiting;
        try {
            waiting = q.inHall(e.hallId()).waitingTickets(e.zoneId());
        } catch (RuntimeException ex) {
            LOG.warn("Waiting tickets of zone {} not read for 'turn near': {}", e.zoneId(), ex.getMessage());
            return;
        }
        for (int i = 0; i < waiting.size() && i <= ahead; i++) {
            Ticket t = waiting.get(i);
            notify("ticket:" + t.id(), "ticket:" + t.id() + ":near", "turn-near", Map.of("ticket", t.number(), "ahead", Integer.toString(i)));
        }
    }

    void onCase(CaseEvent e) {
        if (e.caseNumber().isEmpty()) {
            return;
        }
        String subject = "case:" + e.caseNumber();
        String key = "case:" + e.caseNumber() + ":";
        switch (e.type()) {
            case "ACCEPTED" -> {
                notify(subject, key + "accepted", "case-accepted", Map.of("case", e.caseNumber()));
                hallCase(e).filter(c -> !c.missingMaterials().isEmpty()).ifPresent(c -> notify(subject, key + "supply-needed",
                        "supply-needed", Map.of("case", c.number(), "materials", String.join("、", c.missingMaterials()),
                                "by", c.supplyBy().map(DAY::format).orElse(""))));
            }
            case "RESULT_READY" -> notify(subject, key + "result-ready", "result-ready", Map.of("case", e.caseNumber()));
            case "DELIVERED" -> hallCase(e).filter(c -> c.deliveryMethod().orElse(null) == DeliveryMethod.PICKUP_LOCKER
                    && !c.pickupCode().isEmpty()).ifPresent(c -> notify(subject, key + "pickup-code", "pickup-code",
                            Map.of("case", c.number(), "code", c.pickupCode(), "locker", c.deliveryDetail())));
            case "OFFICER_CALLED" -> notify("officer:" + e.departmentId(), key + "officer-called", "officer-called",
                    Map.of("case", e.caseNumber(), "department", e.departmentId(), "window", Integer.toString(e.window())));
            case "RATED" -> badRatings(e);
            default -> {
            }
        }
    }

    /** Tells the department of each party's current rating of the case that is dissatisfied, once per version. */
    private void badRatings(CaseEvent e) {
        CaseEvaluations ev = evaluations;
        if (ev == null) {
            return;
        }
        List<Evaluation> history;
        try {
            history = ev.history(e.caseNumber());
        } catch (RuntimeException ex) {
            LOG.warn("Ratings of case {} not read: {}", e.caseNumber(), ex.getMessage());
            return;
        }
        for (Evaluation v : history) {
            if (v.level() == RatingLevel.DISSATISFIED || v.level() == RatingLevel.VERY_DISSATISFIED) {
                notify("department:" + v.departmentId(), "case:" + v.caseNumber() + ":bad-rating:" + v.party().name().toLowerCase(
                        java.util.Locale.ROOT) + ":" + v.revision(), "bad-rating", Map.of("case", v.caseNumber(), "level", v.level().chinese(),
                                "levelEn", v.level().english(), "party", v.party().chinese(), "partyEn", v.party().english()));
            }
        }
    }

    private Optional<HallCase> hallCase(CaseEvent e) {
        HallCases c = cases;
        try {
            return c == null ? Optional.empty() : c.find(e.caseNumber());
        } catch (RuntimeException ex) {
            LOG.warn("Case {} not read for its notification: {}", e.caseNumber(), ex.getMessage());
            return Optional.empty();
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
