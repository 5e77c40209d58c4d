package org.onedoor.core.internal.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.onedoor.api.hall.HallClock;

/** A clock of the hall's time zone that a test moves by hand; safe to read from other threads. */
public final class MovableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    public MovableClock(Instant start) {
        this(start, ZoneId.of("Asia/Shanghai"));
    }

    public MovableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void set(Instant at) {
        now = at;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    /** @return the hall clock reading this clock */
    public HallClock hall() {
        return HallClock.of(this);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(now, other);
    }
}
