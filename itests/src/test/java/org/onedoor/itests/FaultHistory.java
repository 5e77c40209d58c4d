package org.onedoor.itests;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fault campaign's clients saw, one JSON object per line: every acknowledged write (ticket,
 * call, case), every event and snapshot a screen received, every fault and the time service took to
 * come back. The checker ({@link FaultChecker}) compares it with the database afterwards.
 */
final class FaultHistory {

    /** A ticket the hall acknowledged (201, or 200 for a replayed idempotency key). */
    record Ticket(String key, String id, String zone, String day, String number) {
    }

    /** A call-next answered with this ticket at this window. */
    record Call(int window, String ticketId, String number) {
    }

    /** A case the hall acknowledged (201 or a replay), under the client's idempotency key. */
    record Case(String key, String number) {
    }

    /** An event a screen (the stream of one node) received. */
    record ScreenEvent(String screen, long seq, String zone, long zoneSeq, String type, String ticketId) {
    }

    /** A snapshot a screen fetched after (re)connecting or seeing a gap: each zone's last zoneSeq it covers. */
    record Snapshot(String screen, Map<String, Long> zoneSeqs) {
    }

    /** One injected fault and how long until every node served again (milliseconds; -1 never). */
    record Recovery(String kind, long recoveryMillis) {
    }

    final List<Ticket> tickets = new ArrayList<>();
    final List<Call> calls = new ArrayList<>();
    final List<Case> cases = new ArrayList<>();
    final List<ScreenEvent> events = new ArrayList<>();
    final List<Snapshot> snapshots = new ArrayList<>();
    final List<Recovery> recoveries = new ArrayList<>();

    private final Writer out;

    /** An in-memory history (tests, or a history read back). */
    FaultHistory() {
        this.out = null;
    }

    private FaultHistory(Writer out) {
        this.out = out;
    }

    /** A history that also appends every record to {@code file}. */
    static FaultHistory writingTo(Path file) throws IOException {
        return new FaultHistory(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    synchronized void ticket(Ticket t) {
        tickets.add(t);
        write(new JsonObject().put("k", "ticket").put("key", t.key()).put("id", t.id()).put("zone", t.zone())
                .put("day", t.day()).put("number", t.number()));
    }

    synchronized void call(Call c) {
        calls.add(c);
        write(new JsonObject().put("k", "call").put("window", c.window()).put("ticketId", c.ticketId()).put("number", c.number()));
    }

    synchronized void acceptedCase(Case c) {
        cases.add(c);
        write(new JsonObject().put("k", "case").put("key", c.key()).put("number", c.number()));
    }

    synchronized void event(ScreenEvent e) {
        events.add(e);
        write(new JsonObject().put("k", "event").put("screen", e.screen()).put("seq", e.seq()).put("zone", e.zone())
                .put("zoneSeq", e.zoneSeq()).put("type", e.type())
                .put("ticketId", e.ticketId()));
    }

    synchronized void snapshot(Snapshot s) {
        snapshots.add(s);
        JsonObject zoneSeqs = new JsonObject();
        s.zoneSeqs().forEach(zoneSeqs::put);
        write(new JsonObject().put("k", "snapshot").put("screen", s.screen()).put("zoneSeqs", zoneSeqs));
    }

    synchronized void recovery(Recovery r) {
        recoveries.add(r);
        write(new JsonObject().put("k", "recovery").put("kind", r.kind()).put("millis", r.recoveryMillis()));
    }

    private void write(JsonObject line) {
        if (out == null) {
            return;
        }
        try {
            out.write(line.put("t", System.currentTimeMillis()).encode());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the history", e);
        }
    }

    private static Map<String, Long> zoneSeqs(JsonObject json) {
        Map<String, Long> seqs = new TreeMap<>();
        json.forEach(e -> seqs.put(e.getKey(), ((Number) e.getValue()).longValue()));
        return seqs;
    }

    /** Reads a history file written by {@link #writingTo}. */
    static FaultHistory read(Path file) throws IOException {
        FaultHistory h = new FaultHistory();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject o = new JsonObject(line);
            switch (o.getString("k")) {
                case "ticket" -> h.ticket(new Ticket(o.getString("key"), o.getString("id"), o.getString("zone"), o.getString("day"),
                        o.getString("number")));
                case "call" -> h.call(new Call(o.getInteger("window"), o.getString("ticketId"), o.getString("number")));
                case "case" -> h.acceptedCase(new Case(o.getString("key"), o.getString("number")));
                case "event" -> h.event(new ScreenEvent(o.getString("screen"), o.getLong("seq"), o.getString("zone"), o.getLong("zoneSeq"),
                        o.getString("type"), o.getString("ticketId")));
                case "snapshot" -> h.snapshot(new Snapshot(o.getString("screen"), zoneSeqs(o.getJsonObject("zoneSeqs"))));
                case "recovery" -> h.recovery(new Recovery(o.getString("kind"), o.getLong("millis")));
                default -> throw new IllegalArgumentException("unknown history record: " + line);
            }
        }
        return h;
    }
}
