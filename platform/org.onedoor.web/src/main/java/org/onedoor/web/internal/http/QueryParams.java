package org.onedoor.web.internal.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Checks the query parameters of every request before any route reads them, as body fields are
 * checked ({@link Fields}): each given once, as text (no lone surrogate, no control character), and
 * no longer than the store's column or the value's format takes (a date 10 characters, a zone 64).
 * A refusal is a 400 problem {@code invalid-parameter} whose {@code field} names the parameter. The
 * routes then check what a value means (a date, a number from 1 to 1000, a state) with their own
 * problem codes.
 */
public final class QueryParams {

    /** Longest value of each parameter a route reads; others are bounded by {@link #OTHER}. */
    public static final Map<String, Integer> MAX = Map.ofEntries(
            Map.entry("zone", Fields.ZONE),
            Map.entry("department", Fields.DEPARTMENT),
            Map.entry("state", 32),
            Map.entry("action", Fields.SHORT),
            Map.entry("actor", Fields.USER),
            Map.entry("limit", 9),
            Map.entry("days", 9),
            Map.entry("day", 10),
            Map.entry("from", 10),
            Map.entry("to", 10),
            Map.entry("month", 7),
            Map.entry("number", 16),
            Map.entry("checkCode", 6),
            Map.entry("device", Fields.ZONE),
            Map.entry("q", Fields.MATERIAL));
    /** Longest value of a parameter no route reads (pages may carry their own). */
    public static final int OTHER = 256;

    private QueryParams() {
    }

    /** Router handler: refuses a request with a malformed query parameter, else passes it on. */
    public static void check(RoutingContext ctx) {
        if (ctx.request().query() != null) {
            check(ctx.queryParams());
        }
        ctx.next();
    }

    /** @throws Fields.FieldProblem for the first parameter that is repeated, not text or too long */
    public static void check(MultiMap params) {
        for (String name : params.names()) {
            String shown = Problems.echo(name);
            if (params.getAll(name).size() > 1) {
                throw refused(name, "参数 “" + shown + "” 只能给一次 (query parameter '" + shown + "' is given more than once)");
            }
            String value = params.get(name);
            int max = MAX.getOrDefault(name, OTHER);
            if (value.length() > max) {
                throw refused(name, "参数 “" + shown + "” 最长 " + max + " 个字符 (query parameter '" + shown + "' is at most " + max
                        + " characters)");
            }
            if (Fields.hasLoneSurrogate(value) || value.chars().anyMatch(Character::isISOControl)) {
                throw refused(name, "参数 “" + shown + "” 含有无效字符 (query parameter '" + shown + "' holds a control character or a lone surrogate)");
            }
        }
    }

    private static Fields.FieldProblem refused(String name, String detail) {
        return new Fields.FieldProblem("invalid-parameter", name.length() > Problems.ECHO ? Problems.echo(name) : name, detail);
    }
}
