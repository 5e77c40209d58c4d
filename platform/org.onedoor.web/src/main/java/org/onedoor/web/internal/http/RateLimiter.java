package org.onedoor.web.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: each holds up to {@code capacity} requests and refills at
 * {@code perSecond}; a request that finds the bucket empty is refused with the time until the
 * next token. Kept per node, in memory.
 */
public final class RateLimiter {

    private static final int MAX_CLIENTS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double capacity;
    private final double perSecond;
    private final Clock clock;

    public RateLimiter(int capacity, double perSecond, Clock clock) {
        if (capacity < 1 || !(perSecond > 0)) {
            throw new IllegalArgumentException("rate limit capacity must be at least 1 and refill above 0, were " + capacity + " and " + perSecond);
        }
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** @return zero when the client's request may pass (and takes a token), else how long until a token is free */
    public Duration take(String client) {
        long nowNanos = nanos();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.entrySet().removeIf(e -> e.getValue().full(nowNanos));
        }
        Bucket b = buckets.computeIfAbsent(client, c -> new Bucket(capacity, nowNanos));
        synchronized (b) {
            b.refill(nowNanos);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return Duration.ZERO;
            }
            double missing = 1 - b.tokens;
            return Duration.ofNanos((long) Math.ceil(missing / perSecond * 1e9));
        }
    }

    /** @return zero when the client has a token left (none is taken), else how long until one is free */
    public Duration peek(String client) {
        Bucket b = buckets.get(client);
        if (b == null) {
            return Duration.ZERO;
        }
        synchronized (b) {
            b.refill(nanos());
            return b.tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - b.tokens) / perSecond * 1e9));
        }
    }

    private long nanos() {
        java.time.Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /** One client's tokens and when they were last counted. */
    private final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - at) / 1e9 * perSecond);
            at = now;
        }

        synchronized boolean full(long now) {
            return tokens + (now - at) / 1e9 * perSecond >= capacity;
        }
    }
}
