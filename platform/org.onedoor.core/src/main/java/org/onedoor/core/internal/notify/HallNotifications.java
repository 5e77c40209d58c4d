package org.onedoor.core.internal.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.notify.DeliveryReport;
import org.onedoor.api.notify.DeliveryStatus;
import org.onedoor.api.notify.NotificationSubscriptions;
import org.onedoor.api.notify.NotificationView;
import org.onedoor.api.notify.NotificationMessage;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall's notification outbox: a message is written once per event key across the hall (the
 * key is unique; a second writer's transaction collides, is run again and finds the first row),
 * rendered from its template when written, and given up at once for a number that opted out or
 * that reached its hourly limit. {@link NotificationDispatch} sends what is due. Phone numbers
 * appear masked in every log line and in {@link #recent staff views}.
 */
@Component(service = {HallNotifications.class, NotificationSubscriptions.class}, configurationPid = "org.onedoor.notify")
@Designate(ocd = NotifyConfig.class)
public final class HallNotifications implements NotificationSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(HallNotifications.class);
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{5,20}");

    private final HallDatabase database;
    private final HallClock clock;
    private final NotifyConfig config;
    private final NotifyTemplates templates;

    @Activate
    public HallNotifications(@Reference HallDatabase database, @Reference HallClock clock, NotifyConfig config) {
        this(database, clock, config, new NotifyTemplates(NotifyTemplates.folder(checked(config).templateDir())));
    }

    HallNotifications(HallDatabase database, HallClock clock, NotifyConfig config, NotifyTemplates templates) {
        this.database = database;
        this.clock = clock;
        this.config = checked(config);
        this.templates = templates;
    }

    private static NotifyConfig checked(NotifyConfig c) {
        if (c.maxAttempts() < 1 || c.maxAttempts() > 50 || c.firstRetrySeconds() < 1 || c.firstRetrySeconds() > 3600
                || c.maxRetrySeconds() < 1 || c.maxRetrySeconds() > 86400 || c.perNumberPerHour() < 1 || c.perNumberPerHour() > 100
                || c.leaseSeconds() < 10 || c.leaseSeconds() > 3600 || c.pollSeconds() < 1 || c.pollSeconds() > 300
                || c.turnNearAhead() < 0 || c.turnNearAhead() > 50) {
            throw new IllegalArgumentException("etc/org.onedoor.notify.cfg: maxAttempts 1..50, firstRetrySeconds 1..3600,"
                    + " maxRetrySeconds 1..86400, perNumberPerHour 1..100, leaseSeconds 10..3600, pollSeconds 1..300, turnNearAhead 0..50");
        }
        return c;
    }

    NotifyConfig config() {
        return config;
    }

    /**
     * @param values attribute values by name; the others keep their defaults
     * @return a configuration as Declarative Services would give it, for tests and embedding
     */
    public static NotifyConfig configOf(Map<String, ?> values) {
        return (NotifyConfig) java.lang.reflect.Proxy.newProxyInstance(NotifyConfig.class.getClassLoader(),
                new Class<?>[] {NotifyConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> NotifyConfig.class;
                    case "toString" -> "NotifyConfig" + values;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }

    /**
     * Writes the message of an event unless one with its key exists.
     *
     * @param eventKey   e.g. {@code ticket:<id>:called}, one message per key across the hall
     * @param templateId the template, e.g. {@code called}
     * @param values     the template's placeholders
     * @return the row of that key: this one or the one written earlier
     * @throws IllegalArgumentException for a bad phone number, key, or a template that cannot be filled
     */
    public NotificationView enqueue(String eventKey, String phone, Locale locale, String templateId, Map<String, String> values) {
        String number = phone(phone);
        String text = templates.render(templateId, locale, values);
        new NotificationMessage(eventKey, number, templateId, locale, text); // checks key and text as a sender will see them
        Instant now = clock.now();
        return database.inTransaction(h -> {
            Optional<NotifyStore.Entry> earlier = NotifyStore.byKey(h, eventKey);
            if (earlier.isPresent()) {
                return view(earlier.get());
            }
            DeliveryStatus state = DeliveryStatus.QUEUED;
            String note = "";
            if (NotifyStore.optedOut(h, number)) {
                state = DeliveryStatus.FAILED;
                note = "opted-out";
            } else if (NotifyStore.recentFor(h, number, now.minus(Duration.ofHours(1))) >= config.perNumberPerHour()) {
                state = DeliveryStatus.FAILED;
                note = "rate-limited: " + config.perNumberPerHour() + " per hour";
            }
            NotifyStore.insert(h, eventKey, number, templateId, locale, text, state, now, note);
            if (state == DeliveryStatus.FAILED) {
                LOG.info("Notification {} to {} not sent: {}", eventKey, CitizenDataMasking.maskPhone(number), note);
            }
            return view(NotifyStore.byKey(h, eventKey).orElseThrow());
        });
    }

    /**
     * Records who is to be told about a subject: a citizen of a ticket ({@code ticket:<id>}) or a case
     * ({@code case:<number>}); the officer a matters-only unit sends when called
     * ({@code officer:<department>}, R4); the department told of bad ratings ({@code department:<department>}).
     */
    @Override
    public void subscribe(String subject, String phone, Locale locale) {
        if (subject == null || !subject.matches("(ticket|case|officer|department):[A-Za-z0-9._-]{1,80}")) {
            throw new IllegalArgumentException("subject must be ticket:<id>, case:<number>, officer:<department> or"
                    + " department:<department>, was '" + subject + "'");
        }
        String number = phone(phone);
        Instant now = clock.now();
        database.useTransaction(h -> NotifyStore.subscribe(h, subject, number, locale, now));
    }

    Optional<NotifyStore.Subscription> subscription(String subject) {
        return database.withHandle(h -> NotifyStore.subscription(h, subject));
    }

    /** The number gets no more messages, including those already written and not yet sent. */
    @Override
    public void optOut(String phone, String origin) {
        String number = phone(phone);
        Instant now = clock.now();
        database.useTransaction(h -> NotifyStore.optOut(h, number, origin == null ? "" : origin, now));
        LOG.info("Phone {} opted out of notifications ({})", CitizenDataMasking.maskPhone(number), origin);
    }

    /** @return whether the number had opted out */
    @Override
    public boolean optIn(String phone) {
        String number = phone(phone);
        return database.inTransaction(h -> NotifyStore.optIn(h, number));
    }

    boolean optedOut(String phone) {
        return database.withHandle(h -> NotifyStore.optedOut(h, phone));
    }

    /** @return the latest rows, newest first, phones masked; an empty state means all */
    @Override
    public List<NotificationView> recent(Optional<DeliveryStatus> state, int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit: 1 到 500 (1 to 500)");
        }
        return database.withHandle(h -> NotifyStore.recent(h, state.map(Enum::name).orElse(""), limit)).stream()
                .map(HallNotifications::view).toList();
    }

    /** @return the row of that key, phone masked */
    public Optional<NotificationView> find(String eventKey) {
        return database.withHandle(h -> NotifyStore.byKey(h, eventKey)).map(HallNotifications::view);
    }

    List<NotifyStore.Entry> claim(String claimant, int limit) {
        Instant now = clock.now();
        return database.inTransaction(h -> NotifyStore.claim(h, claimant, now, now.plusSeconds(config.leaseSeconds()), limit));
    }

    void release(long id, String claimant) {
        database.useTransaction(h -> NotifyStore.release(h, id, claimant));
    }

    boolean sent(long id, String claimant, String senderId, String messageId, int parts) {
        Instant now = clock.now();
        return database.inTransaction(h -> NotifyStore.sent(h, id, claimant, senderId, messageId, parts, now));
    }

    /**
     * Records a failed attempt; retried after {@code firstRetrySeconds * 2^(attempt-1)}, at most
     * {@code maxRetrySeconds}, until {@code maxAttempts} are used.
     *
     * @param attemptsBefore attempts recorded before this one
     * @param giveUp         true when retrying cannot help
     */
    void failed(long id, String claimant, String senderId, int attemptsBefore, boolean giveUp, String note) {
        Instant now = clock.now();
        int attempt = attemptsBefore + 1;
        Optional<Instant> next = giveUp || attempt >= config.maxAttempts() ? Optional.empty()
                : Optional.of(now.plusSeconds(backoffSeconds(attempt)));
        database.useTransaction(h -> NotifyStore.attempted(h, id, claimant, senderId, next, now, note));
    }

    long backoffSeconds(int attempt) {
        long wait = (long) config.firstRetrySeconds() << Math.min(attempt - 1, 20);
        return Math.min(wait, config.maxRetrySeconds());
    }

    /** Records a centre's delivery receipt for a message of that sender. */
    void delivered(String senderId, DeliveryReport report) {
        Instant now = clock.now();
        int n = database.inTransaction(h -> NotifyStore.delivered(h, senderId, report.messageId(), report.delivered(), report.detail(), now));
        if (n == 0) {
            LOG.debug("Delivery receipt for unknown message {} of sender {}", report.messageId(), senderId);
        }
    }

    private static String phone(String phone) {
        String p = phone == null ? "" : phone.strip().replace(" ", "").replace("-", "");
        if (!PHONE.matcher(p).matches()) {
            throw new IllegalArgumentException("phone must be 5-20 digits with an optional leading '+'");
        }
        return p;
    }

    private static NotificationView view(NotifyStore.Entry e) {
        return new NotificationView(e.id(), e.eventKey(), CitizenDataMasking.maskPhone(e.phone()), e.templateId(), e.state(), e.attempts(),
                e.createdAt(), e.nextAttemptAt(), e.senderId(), e.messageId(), e.note());
    }
}
