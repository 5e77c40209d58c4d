package org.onedoor.web.internal;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.onedoor.web.RouteContributor;
import org.osgi.service.component.annotations.Component;

/** {@code GET /api/v1/openapi.yaml}: the node's OpenAPI document. */
@Component(service = RouteContributor.class)
public final class OpenApiRoutes implements RouteContributor {

    static final String RESOURCE = "/openapi/onedoor.yaml";

    private final Buffer document = load();

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/yaml; charset=utf-8")
                .end(document));
    }

    private static Buffer load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundle has no " + RESOURCE);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
