package org.onedoor.web.internal.http;

import io.vertx.ext.web.RoutingContext;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;

/**
 * Which hall a request is about: {@code /api/v1/halls/{hall}/…} names it, the routes of before
 * ({@code /api/v1/…}) mean the default hall. A hall the node does not serve is 404
 * {@code unknown-hall} naming the field {@code hall}.
 */
public final class HallScope {

    /** The path prefixes a hall-scoped route is registered under: the default hall's, then any hall's. */
    public static final String[] PREFIXES = {"/api/v1", "/api/v1/halls/:hall"};

    private HallScope() {
    }

    /**
     * @param halls the node's halls, or null when the directory is not (yet) there: then only the default hall
     * @return the id of the request's hall
     */
    public static String of(RoutingContext ctx, HallDirectory halls) {
        String named = ctx.pathParam("hall");
        if (named == null || named.equals(Hall.DEFAULT_ID)) {
            return Hall.DEFAULT_ID;
        }
        if (!Hall.validId(named) || halls == null || halls.hall(named).isEmpty()) {
            throw unknown(named);
        }
        return named;
    }

    public static Fields.FieldProblem unknown(String named) {
        return new Fields.FieldProblem(404, "Not found", "unknown-hall", "hall", "没有大厅 “" + Problems.echo(named)
                + "” / no hall '" + Problems.echo(named) + "' is served here; GET /api/v1/halls lists them");
    }

    /** @return the path under the request's hall: {@code /api/v1/halls/<hall>/<rest>}, or {@code /api/v1/<rest>} for the default hall */
    public static String path(String hallId, String rest) {
        return Hall.DEFAULT_ID.equals(hallId) ? "/api/v1/" + rest : "/api/v1/halls/" + hallId + "/" + rest;
    }
}
