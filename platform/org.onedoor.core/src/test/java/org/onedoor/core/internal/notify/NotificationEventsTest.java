package org.onedoor.core.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseEvaluations;
import org.onedoor.api.cases.CaseEvent;
import org.onedoor.api.cases.CaseMaterial;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.Evaluation;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.cases.RatingChannel;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.cases.RatingParty;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.notify.NotificationView;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.core.internal.time.MovableClock;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;

/**
 * The events wired beyond "called", "accepted" and "result ready", on the real outbox: your turn is
 * near (at most N ahead, once per ticket), supply needed, pickup code, officer called (R4, to the
 * department's officer) and a bad rating (to the department), each rendered from its template.
 */
class NotificationEventsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T02:00:00Z"));
    private final HallDatabase database = new HallDatabase(TestStore.migrated());
    private final HallNotifications outbox = new HallNotifications(database, clock.hall(),
            HallNotifications.configOf(Map.of("turnNearAhead", 2, "perNumberPerHour", 50)), new NotifyTemplates(Optional.empty()));
    private final NotificationHooks hooks = new NotificationHooks(outbox, l -> () -> { }, l -> () -> { });
    private final List<Ticket> waiting = new ArrayList<>();
    private final Map<String, HallCase> cases = new java.util.HashMap<>();
    private final List<Evaluation> ratings = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> switch (m.getName()) {
            case "toString" -> "fake " + type.getSimpleName();
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> answer.apply(m.getName(), args);
        });
    }

    NotificationEventsTest() {
        HallQueue[] q = new HallQueue[1];
        q[0] = fake(HallQueue.class, (name, args) -> switch (name) {
            case "inHall" -> q[0];
            case "waitingTickets" -> List.copyOf(waiting);
            default -> throw new UnsupportedOperationException(name);
        });
        hooks.queue = q[0];
        hooks.cases = fake(HallCases.class, (name, args) -> switch (name) {
            case "find" -> Optional.ofNullable(cases.get((String) args[0]));
            default -> throw new UnsupportedOperationException(name);
        });
        hooks.evaluations = fake(CaseEvaluations.class, (name, args) -> switch (name) {
            case "history" -> List.copyOf(ratings);
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private Ticket ticket(String id, String number) {
        return new Ticket(id, number, "tax", "tax", LocalDate.of(2026, 12, 3), TicketPriority.NORMAL, "", "", "", "",
                TicketStatus.WAITING, 0, 0, 0, clock.instant(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static HallCase hallCase(String number, List<CaseMaterial> materials, Optional<DeliveryMethod> delivery, String detail,
            String pickupCode) {
        return new HallCase(number, "", "A17-001", "rev", "普通护照签发", "A17", CaseChannel.WINDOW, 97, "G001", "欧阳小明",
                "110***********1234", CaseState.ACCEPTED, materials, Optional.of(LocalDate.of(2026, 12, 10)), Set.of(), "clerk1",
                Instant.parse("2026-12-03T02:00:00Z"), 7, LocalDate.of(2026, 12, 14), Optional.empty(), "", Optional.empty(), "", false,
                delivery, detail, "", pickupCode, Optional.empty(), Optional.empty());
    }

    private String text(String key) {
        return database.withHandle(h -> NotifyStore.byKey(h, key)).orElseThrow(() -> new AssertionError("no message " + key)).text();
    }

    private List<String> keys() {
        return outbox.recent(Optional.empty(), 50).stream().map(NotificationView::eventKey).sorted().toList();
    }

    @Test
    void aCallTellsTheTicketsWithAtMostNAheadOnceEach() {
        for (int i = 1; i <= 5; i++) {
            waiting.add(ticket("t-" + i, "H00" + i));
            outbox.subscribe("ticket:t-" + i, "1381234000" + i, Locale.CHINA);
        }
        hooks.onQueue(new QueueEvent(1, 1, "CALLED", "tax", "H000", "t-0", 3, clock.instant()));
        assertEquals(List.of("ticket:t-1:near", "ticket:t-2:near", "ticket:t-3:near"), keys(), "0, 1 and 2 ahead; not 3 or 4");
        assertEquals("您的H003号前面还有2位，请到等候区留意叫号。", text("ticket:t-3:near"));

        waiting.remove(0); // t-1 called next: t-4 now has two ahead
        hooks.onQueue(new QueueEvent(2, 2, "CALLED", "tax", "H001", "t-1", 3, clock.instant()));
        assertEquals(List.of("ticket:t-1:called", "ticket:t-1:near", "ticket:t-2:near", "ticket:t-3:near", "ticket:t-4:near"), keys(),
                "each ticket is told once");
    }

    @Test
    void aCaseAcceptedWithMissingMaterialsAsksForThemAndALockerDeliveryGivesThePickupCode() {
        outbox.subscribe("case:A17-20261203-0001", "13812345678", Locale.CHINA);
        outbox.subscribe("case:A17-20261203-0002", "13912345678", Locale.ENGLISH);
        cases.put("A17-20261203-0001", hallCase("A17-20261203-0001", List.of(new CaseMaterial("申请人居民身份证", MaterialKind.MAIN, true),
                new CaseMaterial("户口簿", MaterialKind.TOLERABLE, false), new CaseMaterial("照片", MaterialKind.TOLERABLE, false)),
                Optional.empty(), "", ""));
        cases.put("A17-20261203-0002", hallCase("A17-20261203-0002", List.of(), Optional.of(DeliveryMethod.PICKUP_LOCKER),
                "1F-A 柜 3 号门", "482913"));

        hooks.onCase(new CaseEvent("ACCEPTED", "A17-20261203-0001", "", "A17", "ACCEPTED", 97, clock.instant()));
        hooks.onCase(new CaseEvent("ACCEPTED", "A17-20261203-0002", "", "A17", "ACCEPTED", 97, clock.instant()));
        hooks.onCase(new CaseEvent("DELIVERED", "A17-20261203-0002", "", "A17", "DELIVERED", 0, clock.instant()));

        assertEquals("您的办件A17-20261203-0001已容缺受理，请于2026-12-10前补交：户口簿、照片。", text("case:A17-20261203-0001:supply-needed"));
        assertEquals("The result of case A17-20261203-0002 is in the pickup locker (1F-A 柜 3 号门); pickup code 482913.",
                text("case:A17-20261203-0002:pickup-code"));
        assertTrue(keys().stream().noneMatch(k -> k.equals("case:A17-20261203-0002:supply-needed")), "nothing missing: no request");
    }

    @Test
    void theOfficerIsCalledAndTheDepartmentHearsOfABadRatingOncePerVersion() {
        outbox.subscribe("officer:A26", "13700000026", Locale.CHINA);
        outbox.subscribe("department:A17", "13700000017", Locale.CHINA);
        hooks.onCase(new CaseEvent("OFFICER_CALLED", "A26-20261203-0001", "", "A26", "ACCEPTED", 105, clock.instant()));
        assertEquals("【首席代表】办件A26-20261203-0001已在105号窗口受理，请A26专员按时到厅办理。", text("case:A26-20261203-0001:officer-called"));

        Instant at = clock.instant();
        ratings.add(new Evaluation("A17-20261203-0001", "A17", RatingParty.FRONT, "clerk1", RatingLevel.SATISFIED, List.of(), "",
                RatingChannel.KIOSK, "欧**", at, at, 1, at.plusSeconds(86400)));
        hooks.onCase(new CaseEvent("RATED", "A17-20261203-0001", "", "A17", "CLOSED", 0, at));
        assertEquals(List.of("case:A26-20261203-0001:officer-called"), keys(), "a good rating tells nobody");

        ratings.add(new Evaluation("A17-20261203-0001", "A17", RatingParty.BACK, "approver1", RatingLevel.VERY_DISSATISFIED,
                List.of(), "", RatingChannel.KIOSK, "欧**", at, at, 1, at.plusSeconds(86400)));
        hooks.onCase(new CaseEvent("RATED", "A17-20261203-0001", "", "A17", "CLOSED", 0, at));
        hooks.onCase(new CaseEvent("RATED", "A17-20261203-0001", "", "A17", "CLOSED", 0, at));
        assertEquals("办件A17-20261203-0001收到差评：后台审批人员“非常不满意”，请按规定回访整改。", text("case:A17-20261203-0001:bad-rating:back:1"));
        assertEquals(2, keys().size(), "one message for the bad rating, not one per event");
        NotificationView v = outbox.find("case:A17-20261203-0001:bad-rating:back:1").orElseThrow();
        assertEquals("137****0017", v.maskedPhone());
    }
}
