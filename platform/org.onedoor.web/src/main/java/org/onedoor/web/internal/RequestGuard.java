package org.onedoor.web.internal;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onedoor.web.internal.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands between the sockets and the router: answers requests the HTTP decoder could not read
 * (414, 431, 400) and HTTP/1.1 requests without {@code Host} (400) with a problem document and
 * closes their connection, closes a connection whose first request's headers do not arrive within
 * the request timeout, and answers 408 to a request whose body does not arrive within it.
 */
public final class RequestGuard {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);

    private final Vertx vertx;
    private final long timeoutMillis;
    private final Map<HttpConnection, Long> awaitingHeaders = new ConcurrentHashMap<>();

    RequestGuard(Vertx vertx, int timeoutSeconds) {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("requestTimeoutSeconds=" + timeoutSeconds + " in etc/org.onedoor.web.cfg must be at least 1");
        }
        this.vertx = vertx;
        this.timeoutMillis = timeoutSeconds * 1000L;
    }

    /** A client connected: it has the request timeout to send its first request's headers. */
    void connected(HttpConnection connection) {
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (awaitingHeaders.remove(connection) != null) {
                LOG.debug("closing {}: no request headers within {} ms", connection.remoteAddress(), timeoutMillis);
                connection.close();
            }
        });
        awaitingHeaders.put(connection, timer);
        connection.closeHandler(v -> cancel(connection));
    }

    /** A request's headers arrived: hands it to {@code next} unless it is refused here. */
    void handle(HttpServerRequest request, Handler<HttpServerRequest> next) {
        cancel(request.connection());
        if (request.version() == HttpVersion.HTTP_1_1 && request.authority() == null) {
            refuse(request, true, 400, "missing-host", "Bad request", "an HTTP/1.1 request must carry a Host header");
            return;
        }
        if (!request.isEnded()) {
            vertx.setTimer(timeoutMillis, id -> {
                if (!request.isEnded() && !request.response().closed()) {
                    LOG.debug("{} {} from {}: body not received within {} ms", request.method(), request.path(),
                            request.remoteAddress(), timeoutMillis);
                    refuse(request, true, 408, "request-timeout", "Request timeout",
                            "the request was not received completely within " + timeoutMillis / 1000 + " s");
                }
            });
        }
        next.handle(request);
    }

    /** The HTTP decoder could not read the request (too long, malformed): answer what can be said, then close. */
    void invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            refuse(request, false, 414, "uri-too-long", "URI too long", "the request line is longer than the node reads");
        } else if (cause instanceof TooLongHttpHeaderException) {
            refuse(request, false, 431, "headers-too-large", "Request header fields too large", "the request headers are larger than the node reads");
        } else {
            LOG.debug("unreadable request from {}: {}", request.remoteAddress(), cause == null ? "?" : cause.getMessage());
            refuse(request, false, 400, "malformed-request", "Bad request",
                    "the request line or a header (e.g. Content-Length) is not valid HTTP/1.1");
        }
    }

    private void cancel(HttpConnection connection) {
        Long timer = awaitingHeaders.remove(connection);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    /** Answers with a problem document (when the answer has not begun) and closes the connection. */
    private static void refuse(HttpServerRequest request, boolean readable, int status, String code, String title, String detail) {
        HttpServerResponse response = request.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            request.connection().close();
            return;
        }
        String instance = readable ? safePath(request) : null;
        response.setStatusCode(status)
                .putHeader("Content-Type", Problems.CONTENT_TYPE)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Connection", "close")
                .end(Problems.document(status, code, title, detail, instance))
                .onComplete(v -> request.connection().close());
    }

    private static String safePath(HttpServerRequest request) {
        try {
            String path = request.path();
            return path == null || path.length() > 200 ? null : path;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
