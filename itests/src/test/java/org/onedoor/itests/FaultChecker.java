package org.onedoor.itests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Proves a fault campaign's history against the database: every acknowledged ticket and case is
 * there exactly once, ticket numbers per zone and day are unique and gap-free, no ticket was called
 * twice, every call reached every screen (received, or covered by a snapshot it fetched), no screen
 * was shown an event the database does not hold, the audit chain verified on every node, and
 * service came back within the limit after every fault.
 */
final class FaultChecker {

    /** The outcome: figures and the violations found (none: the campaign passed). */
    record Verdict(List<String> violations, Map<String, Long> figures) {
        boolean passed() {
            return violations.isEmpty();
        }
    }

    private final List<String> violations = new ArrayList<>();
    private final Map<String, Long> figures = new java.util.LinkedHashMap<>();

    private FaultChecker() {
    }

    /**
     * @param auditIntact     per node, whether {@code GET /api/v1/admin/audit/verify} said intact
     * @param recoveryLimitMs the longest recovery allowed after a fault
     */
    static Verdict check(FaultHistory history, FaultDatabase db, Map<String, Boolean> auditIntact, long recoveryLimitMs) {
        FaultChecker c = new FaultChecker();
        c.tickets(history, db);
        c.calls(history, db);
        c.cases(history, db);
        c.screens(history, db);
        auditIntact.forEach((node, intact) -> {
            if (!intact) {
                c.violation("the audit chain does not verify on " + node);
            }
        });
        c.recoveries(history, recoveryLimitMs);
        return new Verdict(List.copyOf(c.violations), Map.copyOf(c.figures));
    }

    private void violation(String text) {
        if (violations.size() < 200) {
            violations.add(text);
        }
    }

    private void count(String figure, long n) {
        figures.merge(figure, n, Long::sum);
    }

    private void tickets(FaultHistory history, FaultDatabase db) {
        Map<String, FaultDatabase.Ticket> byId = new HashMap<>();
        Map<String, List<FaultDatabase.Ticket>> byNumber = new HashMap<>();
        Map<String, TreeSet<Integer>> seqs = new HashMap<>();
        for (FaultDatabase.Ticket t : db.tickets()) {
            byId.put(t.id(), t);
            byNumber.computeIfAbsent(t.zone() + "/" + t.day() + "/" + t.seq(), k -> new ArrayList<>()).add(t);
            seqs.computeIfAbsent(t.zone() + "/" + t.day(), k -> new TreeSet<>()).add(t.seq());
        }
        byNumber.forEach((k, rows) -> {
            if (rows.size() > 1) {
                count("tickets duplicated", rows.size() - 1);
                violation("ticket number " + k + " given " + rows.size() + " times in the database");
            }
        });
        seqs.forEach((zoneDay, numbers) -> {
            int max = numbers.last();
            if (numbers.size() != max || numbers.first() != 1) {
                Set<Integer> missing = new TreeSet<>();
                for (int i = 1; i <= max && missing.size() < 10; i++) {
                    if (!numbers.contains(i)) {
                        missing.add(i);
                    }
                }
                count("ticket number gaps", max - numbers.size());
                violation("ticket numbers of " + zoneDay + " have gaps: missing " + missing);
            }
        });
        Map<String, String> idByKey = new HashMap<>();
        Map<String, String> idByNumber = new HashMap<>();
        Set<String> acknowledged = new HashSet<>();
        for (FaultHistory.Ticket t : history.tickets) {
            acknowledged.add(t.id());
            String earlier = idByKey.putIfAbsent(t.key(), t.id());
            if (earlier != null && !earlier.equals(t.id())) {
                count("tickets duplicated", 1);
                violation("request " + t.key() + " was acknowledged as two tickets: " + earlier + " and " + t.id());
            }
            String sameNumber = idByNumber.putIfAbsent(t.zone() + "/" + t.day() + "/" + t.number(), t.id());
            if (sameNumber != null && !sameNumber.equals(t.id())) {
                count("tickets duplicated", 1);
                violation("ticket number " + t.number() + " (" + t.zone() + ", " + t.day() + ") acknowledged for two tickets: "
                        + sameNumber + " and " + t.id());
            }
            FaultDatabase.Ticket stored = byId.get(t.id());
            if (stored == null) {
                count("tickets lost", 1);
                violation("acknowledged ticket " + t.number() + " (" + t.id() + ") is not in the database");
            } else if (!stored.number().equals(t.number())) {
                violation("ticket " + t.id() + " was acknowledged as " + t.number() + " but is stored as " + stored.number());
            }
        }
        count("tickets acknowledged", acknowledged.size());
        count("tickets in the database", db.tickets().size());
    }

    private void calls(FaultHistory history, FaultDatabase db) {
        Map<String, List<FaultDatabase.Event>> calledByTicket = db.events().stream().filter(e -> "CALLED".equals(e.type()))
                .collect(Collectors.groupingBy(FaultDatabase.Event::ticketId));
        calledByTicket.forEach((ticket, calls) -> {
            if (calls.size() > 1) {
                count("tickets called twice", 1);
                violation("ticket " + ticket + " was called " + calls.size() + " times (windows "
                        + calls.stream().map(e -> Integer.toString(e.window())).collect(Collectors.joining(", ")) + ")");
            }
        });
        Map<String, Integer> acknowledged = new HashMap<>();
        for (FaultHistory.Call c : history.calls) {
            Integer earlier = acknowledged.put(c.ticketId(), c.window());
            if (earlier != null) {
                count("tickets called twice", 1);
                violation("ticket " + c.number() + " acknowledged as called at window " + earlier + " and at window " + c.window());
            }
            List<FaultDatabase.Event> stored = calledByTicket.getOrDefault(c.ticketId(), List.of());
            if (stored.stream().noneMatch(e -> e.window() == c.window())) {
                count("calls lost", 1);
                violation("acknowledged call of " + c.number() + " to window " + c.window() + " is not in the database");
            }
        }
        count("calls acknowledged", history.calls.size());
    }

    private void cases(FaultHistory history, FaultDatabase db) {
        Set<String> stored = new HashSet<>();
        Map<String, String> numberByKey = new HashMap<>();
        Map<String, String> keyByNumber = new HashMap<>();
        for (FaultDatabase.Case c : db.cases()) {
            keyByNumber.put(c.number(), c.key());
            if (!stored.add(c.number())) {
                count("cases duplicated", 1);
                violation("case number " + c.number() + " is stored twice");
            }
            if (c.key() != null) {
                String other = numberByKey.putIfAbsent(c.key(), c.number());
                if (other != null) {
                    count("cases duplicated", 1);
                    violation("request " + c.key() + " is stored as two cases: " + other + " and " + c.number());
                }
            }
        }
        Map<String, String> acknowledgedByKey = new HashMap<>();
        Set<String> acknowledged = new HashSet<>();
        for (FaultHistory.Case c : history.cases) {
            acknowledged.add(c.number());
            String earlier = acknowledgedByKey.putIfAbsent(c.key(), c.number());
            if (earlier != null && !earlier.equals(c.number())) {
                count("cases duplicated", 1);
                violation("request " + c.key() + " was acknowledged as two cases: " + earlier + " and " + c.number());
            }
            if (!stored.contains(c.number())) {
                count("cases lost", 1);
                violation("acknowledged case " + c.number() + " is not in the database");
            } else if (!c.key().equals(keyByNumber.get(c.number()))) {
                violation("acknowledged case " + c.number() + " of request " + c.key() + " is stored for request "
                        + keyByNumber.get(c.number()));
            }
        }
        count("cases acknowledged", acknowledged.size());
    }

    private void screens(FaultHistory history, FaultDatabase db) {
        zoneSequences(db);
        Map<Long, FaultDatabase.Event> bySeq = new HashMap<>();
        db.events().forEach(e -> bySeq.put(e.seq(), e));
        Set<String> screens = new TreeSet<>();
        history.events.forEach(e -> screens.add(e.screen()));
        history.snapshots.forEach(s -> screens.add(s.screen()));
        for (FaultHistory.ScreenEvent e : history.events) {
            FaultDatabase.Event stored = bySeq.get(e.seq());
            if (stored == null || !stored.type().equals(e.type()) || !stored.ticketId().equals(e.ticketId())
                    || !stored.zone().equals(e.zone()) || stored.zoneSeq() != e.zoneSeq()) {
                count("phantom events", 1);
                violation("screen " + e.screen() + " was shown event " + e.seq() + " (" + e.zone() + " #" + e.zoneSeq() + ") "
                        + e.type() + " of ticket " + e.ticketId() + ", the database holds "
                        + (stored == null ? "no such event"
                                : "(" + stored.zone() + " #" + stored.zoneSeq() + ") " + stored.type() + " of ticket " + stored.ticketId()));
            }
        }
        List<FaultDatabase.Event> calls = db.events().stream().filter(e -> "CALLED".equals(e.type())).toList();
        for (String screen : screens) {
            Set<String> received = history.events.stream().filter(e -> e.screen().equals(screen))
                    .map(e -> e.zone() + "#" + e.zoneSeq()).collect(Collectors.toSet());
            Map<String, Long> covered = new HashMap<>();
            history.snapshots.stream().filter(s -> s.screen().equals(screen))
                    .forEach(s -> s.zoneSeqs().forEach((zone, last) -> covered.merge(zone, last, Math::max)));
            for (FaultDatabase.Event call : calls) {
                if (received.contains(call.zone() + "#" + call.zoneSeq())) {
                    count("calls streamed", 1);
                } else if (call.zoneSeq() <= covered.getOrDefault(call.zone(), 0L)) {
                    count("calls recovered by snapshot", 1);
                } else {
                    count("calls missed by screens", 1);
                    violation("call " + call.zone() + " #" + call.zoneSeq() + " (ticket " + call.ticketId() + ") never reached screen " + screen);
                }
            }
        }
    }

    /** Each zone's events are numbered without gaps or repeats: what a screen's gap detection relies on. */
    private void zoneSequences(FaultDatabase db) {
        Map<String, TreeSet<Long>> byZone = new HashMap<>();
        for (FaultDatabase.Event e : db.events()) {
            if (!byZone.computeIfAbsent(e.zone(), z -> new TreeSet<>()).add(e.zoneSeq())) {
                count("zone event numbers repeated", 1);
                violation("event number " + e.zoneSeq() + " of zone " + e.zone() + " given twice in the database");
            }
        }
        byZone.forEach((zone, numbers) -> {
            long first = numbers.first();
            long span = numbers.last() - first + 1;
            if (span != numbers.size()) {
                Set<Long> missing = new TreeSet<>();
                for (long i = first; i <= numbers.last() && missing.size() < 10; i++) {
                    if (!numbers.contains(i)) {
                        missing.add(i);
                    }
                }
                count("zone event number gaps", span - numbers.size());
                violation("event numbers of zone " + zone + " have gaps: missing " + missing);
            }
        });
    }

    private void recoveries(FaultHistory history, long limitMs) {
        for (FaultHistory.Recovery r : history.recoveries) {
            count("faults: " + r.kind(), 1);
            if (r.recoveryMillis() < 0 || r.recoveryMillis() > limitMs) {
                violation("service did not come back within " + limitMs / 1000 + " s after " + r.kind()
                        + (r.recoveryMillis() < 0 ? " (never)" : " (" + r.recoveryMillis() + " ms)"));
            }
        }
    }
}
