package org.onedoor.web.internal.http;

import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import org.onedoor.web.ProblemException;

/** Answers 429 with a {@code Retry-After} header in whole seconds (at least 1). */
public final class TooManyRequests {

    private TooManyRequests() {
    }

    public static void fail(RoutingContext ctx, String code, Duration wait, String detail) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        ctx.fail(new ProblemException(429, code, "Too many requests", detail + "; try again in " + seconds + " s"));
    }
}
