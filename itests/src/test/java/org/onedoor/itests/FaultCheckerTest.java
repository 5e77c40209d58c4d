package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The fault campaign's checker on hand-made histories: it passes a clean one and names each kind of damage. */
public class FaultCheckerTest {

    private static final String DAY = "2026-12-03";

    private final FaultHistory history = new FaultHistory();
    private final List<FaultDatabase.Ticket> tickets = new ArrayList<>();
    private final List<FaultDatabase.Event> events = new ArrayList<>();
    private final List<FaultDatabase.Case> cases = new ArrayList<>();
    private Map<String, Boolean> audit = Map.of("node-1", true, "node-2", true);

    /** Three tax tickets issued and acknowledged, the first called to window 137 and streamed, one case. */
    private void cleanCampaign() {
        for (int i = 1; i <= 3; i++) {
            tickets.add(new FaultDatabase.Ticket("t" + i, "G00" + i, "tax", DAY, i, "k" + i));
            events.add(new FaultDatabase.Event(i, "tax", i, "ISSUED", "t" + i, 0));
            history.ticket(new FaultHistory.Ticket("k" + i, "t" + i, "tax", DAY, "G00" + i));
        }
        events.add(new FaultDatabase.Event(4, "tax", 4, "CALLED", "t1", 137));
        history.call(new FaultHistory.Call(137, "t1", "G001"));
        cases.add(new FaultDatabase.Case("A17-20261203-0001", "case-k1"));
        history.acceptedCase(new FaultHistory.Case("case-k1", "A17-20261203-0001"));
        for (String screen : List.of("node-1", "node-2")) {
            history.snapshot(new FaultHistory.Snapshot(screen, Map.of()));
            for (FaultDatabase.Event e : events) {
                history.event(new FaultHistory.ScreenEvent(screen, e.seq(), e.zone(), e.zoneSeq(), e.type(), e.ticketId()));
            }
        }
        history.recovery(new FaultHistory.Recovery("kill-9", 21_000));
    }

    private FaultChecker.Verdict verdict() {
        return FaultChecker.check(history, new FaultDatabase(tickets, events, cases), audit, 120_000);
    }

    private void assertFails(String expected, FaultChecker.Verdict v) {
        assertFalse("the checker must fail", v.passed());
        assertTrue(v.violations().toString(), v.violations().stream().anyMatch(s -> s.contains(expected)));
    }

    @Test
    public void aCleanCampaignPasses() {
        cleanCampaign();
        FaultChecker.Verdict v = verdict();
        assertTrue(v.violations().toString(), v.passed());
        assertEquals(3L, (long) v.figures().get("tickets acknowledged"));
        assertEquals(2L, (long) v.figures().get("calls streamed"));
        assertEquals(1L, (long) v.figures().get("faults: kill-9"));
    }

    @Test
    public void anAcknowledgedTicketMissingFromTheDatabaseIsLost() {
        cleanCampaign();
        tickets.remove(2);
        FaultChecker.Verdict v = verdict();
        assertFails("acknowledged ticket G003 (t3) is not in the database", v);
        assertEquals(1L, (long) v.figures().get("tickets lost"));
    }

    @Test
    public void anAcknowledgedCaseMissingFromTheDatabaseIsLost() {
        cleanCampaign();
        cases.clear();
        assertFails("acknowledged case A17-20261203-0001 is not in the database", verdict());
    }

    @Test
    public void oneCaseRequestStoredTwiceIsADuplicate() {
        cleanCampaign();
        cases.add(new FaultDatabase.Case("A17-20261203-0002", "case-k1"));
        FaultChecker.Verdict v = verdict();
        assertFails("request case-k1 is stored as two cases: A17-20261203-0001 and A17-20261203-0002", v);
        assertEquals(1L, (long) v.figures().get("cases duplicated"));
    }

    @Test
    public void oneCaseRequestAcknowledgedAsTwoCasesIsADuplicate() {
        cleanCampaign();
        cases.add(new FaultDatabase.Case("A17-20261203-0002", "case-k2"));
        history.acceptedCase(new FaultHistory.Case("case-k1", "A17-20261203-0002"));
        FaultChecker.Verdict v = verdict();
        assertFails("request case-k1 was acknowledged as two cases: A17-20261203-0001 and A17-20261203-0002", v);
        assertFails("acknowledged case A17-20261203-0002 of request case-k1 is stored for request case-k2", v);
        assertEquals(1L, (long) v.figures().get("cases duplicated"));
    }

    @Test
    public void aCleanCampaignCountsItsCases() {
        cleanCampaign();
        FaultChecker.Verdict v = verdict();
        assertEquals(1L, (long) v.figures().get("cases acknowledged"));
        assertEquals(null, v.figures().get("cases lost"));
    }

    @Test
    public void oneRequestAcknowledgedAsTwoTicketsIsADuplicate() {
        cleanCampaign();
        tickets.add(new FaultDatabase.Ticket("t4", "G004", "tax", DAY, 4, "k4"));
        history.ticket(new FaultHistory.Ticket("k1", "t4", "tax", DAY, "G004"));
        FaultChecker.Verdict v = verdict();
        assertFails("request k1 was acknowledged as two tickets: t1 and t4", v);
        assertEquals(1L, (long) v.figures().get("tickets duplicated"));
    }

    @Test
    public void aNumberGivenTwiceIsADuplicate() {
        cleanCampaign();
        tickets.add(new FaultDatabase.Ticket("t4", "G003", "tax", DAY, 3, "k4"));
        history.ticket(new FaultHistory.Ticket("k4", "t4", "tax", DAY, "G003"));
        FaultChecker.Verdict v = verdict();
        assertFails("ticket number tax/" + DAY + "/3 given 2 times in the database", v);
        assertFails("ticket number G003 (tax, " + DAY + ") acknowledged for two tickets: t3 and t4", v);
    }

    @Test
    public void aMissingNumberIsAGap() {
        cleanCampaign();
        tickets.add(new FaultDatabase.Ticket("t6", "G006", "tax", DAY, 6, "k6"));
        assertFails("ticket numbers of tax/" + DAY + " have gaps: missing [4, 5]", verdict());
    }

    @Test
    public void aTicketCalledTwiceIsFound() {
        cleanCampaign();
        events.add(new FaultDatabase.Event(5, "tax", 5, "CALLED", "t1", 138));
        history.call(new FaultHistory.Call(138, "t1", "G001"));
        FaultChecker.Verdict v = verdict();
        assertFails("ticket t1 was called 2 times (windows 137, 138)", v);
        assertFails("ticket G001 acknowledged as called at window 137 and at window 138", v);
    }

    @Test
    public void anAcknowledgedCallMissingFromTheDatabaseIsLost() {
        cleanCampaign();
        history.call(new FaultHistory.Call(138, "t2", "G002"));
        assertFails("acknowledged call of G002 to window 138 is not in the database", verdict());
    }

    @Test
    public void aCallNeitherStreamedNorInASnapshotMissedTheScreen() {
        cleanCampaign();
        events.add(new FaultDatabase.Event(5, "tax", 5, "CALLED", "t2", 138));
        history.call(new FaultHistory.Call(138, "t2", "G002"));
        history.event(new FaultHistory.ScreenEvent("node-1", 5, "tax", 5, "CALLED", "t2"));
        assertFails("call tax #5 (ticket t2) never reached screen node-2", verdict());
    }

    @Test
    public void aCallCoveredByALaterSnapshotIsRecovered() {
        cleanCampaign();
        events.add(new FaultDatabase.Event(5, "tax", 5, "CALLED", "t2", 138));
        history.call(new FaultHistory.Call(138, "t2", "G002"));
        history.event(new FaultHistory.ScreenEvent("node-1", 5, "tax", 5, "CALLED", "t2"));
        history.snapshot(new FaultHistory.Snapshot("node-2", Map.of("tax", 5L)));
        FaultChecker.Verdict v = verdict();
        assertTrue(v.violations().toString(), v.passed());
        assertEquals(1L, (long) v.figures().get("calls recovered by snapshot"));
    }

    @Test
    public void anEventTheDatabaseDoesNotHoldIsAPhantom() {
        cleanCampaign();
        history.event(new FaultHistory.ScreenEvent("node-1", 9, "tax", 9, "CALLED", "t3"));
        assertFails("screen node-1 was shown event 9 (tax #9) CALLED of ticket t3, the database holds no such event", verdict());
    }

    @Test
    public void aSnapshotOfAnotherZoneDoesNotCoverACall() {
        cleanCampaign();
        events.add(new FaultDatabase.Event(5, "tax", 5, "CALLED", "t2", 138));
        history.call(new FaultHistory.Call(138, "t2", "G002"));
        history.event(new FaultHistory.ScreenEvent("node-1", 5, "tax", 5, "CALLED", "t2"));
        history.snapshot(new FaultHistory.Snapshot("node-2", Map.of("police", 40L)));
        assertFails("call tax #5 (ticket t2) never reached screen node-2", verdict());
    }

    @Test
    public void aGapOrARepeatInAZonesEventNumbersIsFound() {
        cleanCampaign();
        events.add(new FaultDatabase.Event(7, "tax", 7, "CALLED", "t2", 138));
        events.add(new FaultDatabase.Event(8, "police", 1, "ISSUED", "p1", 0));
        events.add(new FaultDatabase.Event(9, "police", 1, "ISSUED", "p2", 0));
        FaultChecker.Verdict v = verdict();
        assertFails("event numbers of zone tax have gaps: missing [5, 6]", v);
        assertFails("event number 1 of zone police given twice in the database", v);
    }

    @Test
    public void aBrokenAuditChainOrASlowRecoveryFails() {
        cleanCampaign();
        audit = Map.of("node-1", true, "node-2", false);
        history.recovery(new FaultHistory.Recovery("pg-restart", 130_000));
        FaultChecker.Verdict v = verdict();
        assertFails("the audit chain does not verify on node-2", v);
        assertFails("service did not come back within 120 s after pg-restart (130000 ms)", v);
    }

    @Test
    public void aHistoryReadsBackAsWritten() throws Exception {
        Path file = Files.createTempFile("fault-history", ".jsonl");
        try {
            FaultHistory written = FaultHistory.writingTo(file);
            written.ticket(new FaultHistory.Ticket("k1", "t1", "tax", DAY, "G001"));
            written.call(new FaultHistory.Call(137, "t1", "G001"));
            written.acceptedCase(new FaultHistory.Case("case-k1", "A17-20261203-0001"));
            written.event(new FaultHistory.ScreenEvent("node-1", 4, "tax", 4, "CALLED", "t1"));
            written.snapshot(new FaultHistory.Snapshot("node-2", Map.of("tax", 4L, "police", 2L)));
            written.recovery(new FaultHistory.Recovery("pause", 9_000));
            FaultHistory read = FaultHistory.read(file);
            assertEquals(written.tickets, read.tickets);
            assertEquals(written.calls, read.calls);
            assertEquals(written.cases, read.cases);
            assertEquals(written.events, read.events);
            assertEquals(written.snapshots, read.snapshots);
            assertEquals(written.recoveries, read.recoveries);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
