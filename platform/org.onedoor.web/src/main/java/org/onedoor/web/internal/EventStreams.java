package org.onedoor.web.internal;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.onedoor.web.ProblemException;
import org.onedoor.web.internal.http.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the node's Server-Sent Event streams and counts them: at most {@code maxStreams} in all
 * and {@code maxStreamsPerAddress} per client address ({@code etc/org.onedoor.web.cfg}); past
 * either the answer is 503 with {@code Retry-After}. An open stream sends a heartbeat comment every
 * {@code streamHeartbeatSeconds}, which also keeps it clear of the idle timeout, and gives its
 * place back when its connection closes.
 */
@Component(service = EventStreams.class, configurationPid = "org.onedoor.web", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class EventStreams {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);

    /** Seconds a refused client is told to wait. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private final int maxStreams;
    private final int maxPerAddress;
    private final long heartbeatMillis;
    private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();
    private int open;

    @Activate
    public EventStreams(WebConfig config) {
        this(config.maxStreams(), config.maxStreamsPerAddress(), config.streamHeartbeatSeconds() * 1000L);
    }

    public EventStreams(int maxStreams, int maxPerAddress, long heartbeatMillis) {
        if (maxStreams < 1 || maxPerAddress < 1 || heartbeatMillis < 1000) {
            throw new IllegalArgumentException("maxStreams, maxStreamsPerAddress and streamHeartbeatSeconds in etc/org.onedoor.web.cfg must be at least 1");
        }
        this.maxStreams = maxStreams;
        this.maxPerAddress = maxPerAddress;
        this.heartbeatMillis = heartbeatMillis;
    }

    /** One open stream; {@link #send} may be called from any thread. */
    public static final class Stream {
        private final HttpServerResponse response;
        private final Context context;
        private final List<AutoCloseable> onClose = new CopyOnWriteArrayList<>();

        private Stream(HttpServerResponse response, Context context) {
            this.response = response;
            this.context = context;
        }

        /** Closes the resource (a subscription) once when the stream's connection closes, at once if it has closed already. */
        public void onClose(AutoCloseable resource) {
            onClose.add(resource);
            if (response.closed()) {
                closed();
            }
        }

        private void closed() {
            for (AutoCloseable resource : onClose) {
                if (onClose.remove(resource)) {
                    try {
                        resource.close();
                    } catch (Exception e) {
                        LOG.debug("closing what an event stream held: {}", e.getMessage());
                    }
                }
            }
        }

        /** Writes one SSE frame (ending in a blank line) on the stream's event loop, if the stream is still open. */
        public void send(String frame) {
            context.runOnContext(v -> {
                if (!response.closed() && !response.ended()) {
                    response.write(frame);
                }
            });
        }
    }

    /**
     * Starts an event stream on the request, or fails it with 503 when the node or the client's
     * address holds its most streams.
     *
     * @return the stream, or null when refused (the request has been failed)
     */
    public Stream open(RoutingContext ctx) {
        String address = AuditLog.origin(ctx);
        String refusal = take(address);
        if (refusal != null) {
            ctx.response().putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            ctx.fail(new ProblemException(503, "too-many-streams", "Service unavailable",
                    refusal + "; close another stream or try again in " + RETRY_AFTER_SECONDS + " s"));
            return null;
        }
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Accel-Buffering", "no");
        response.write("retry: 3000\n: connected\n\n");
        long heartbeat = ctx.vertx().setPeriodic(heartbeatMillis, id -> {
            if (!response.closed() && !response.ended()) {
                response.write(": ping\n\n");
            }
        });
        Stream stream = new Stream(response, ctx.vertx().getOrCreateContext());
        AtomicBoolean closed = new AtomicBoolean();
        response.closeHandler(v -> {
            if (closed.compareAndSet(false, true)) {
                ctx.vertx().cancelTimer(heartbeat);
                release(address);
                stream.closed();
            }
        });
        return stream;
    }

    /** @return how many streams are open now */
    public synchronized int open() {
        return open;
    }

    /** @return the reason a new stream from the address is refused, or null when it took a place */
    private synchronized String take(String address) {
        if (open >= maxStreams) {
            return "the node holds its most event streams (" + maxStreams + ")";
        }
        int mine = byAddress.getOrDefault(address, 0);
        if (mine >= maxPerAddress) {
            return "address " + address + " holds its most event streams (" + maxPerAddress + ")";
        }
        open++;
        byAddress.put(address, mine + 1);
        return null;
    }

    private synchronized void release(String address) {
        open--;
        byAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }
}
