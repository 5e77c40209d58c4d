package org.onedoor.web.internal;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.onedoor.web.RouteContributor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one HTTP server. Routes come from {@link RouteContributor} services: whenever one
 * comes or goes a new router is built from all of them and swapped in atomically, so requests
 * never see a half-built router and the server keeps listening throughout.
 */
@Component(immediate = true, configurationPid = "org.onedoor.web", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WebConfig.class)
public final class HallHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(HallHttpServer.class);

    private final List<RouteContributor> contributors = new CopyOnWriteArrayList<>();
    private final AtomicReference<Router> router = new AtomicReference<>();
    private final Vertx vertx;
    private final HttpServer server;
    private final long maxBodyBytes;
    private volatile boolean active;

    @Activate
    public HallHttpServer(WebConfig config) throws Exception {
        int port = ListenPort.resolve(config.port(), System.getenv(ListenPort.ENV));
        this.maxBodyBytes = config.maxBodyBytes();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Vertx.class.getClassLoader());
        try {
            this.vertx = Vertx.vertx(new VertxOptions()
                    .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
            this.active = true;
            rebuild();
            this.server = vertx.createHttpServer(new HttpServerOptions()
                            .setHost(config.host()).setPort(port)
                            .setMaxInitialLineLength(8192).setMaxHeaderSize(16384))
                    .requestHandler(request -> router.get().handle(request));
            server.listen().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("OneDoor web: cannot listen on {}:{}: {}", config.host(), port, e.getMessage());
            closeQuietly();
            throw e;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        LOG.info("OneDoor web: listening on http://{}:{}/api/v1/health", config.host(), port);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(RouteContributor contributor) {
        contributors.add(contributor);
        rebuild();
    }

    void removeContributor(RouteContributor contributor) {
        contributors.remove(contributor);
        rebuild();
    }

    @Deactivate
    void stop() {
        active = false;
        closeQuietly();
        LOG.info("OneDoor web: stopped");
    }

    private void closeQuietly() {
        Vertx v = vertx;
        if (v != null) {
            try {
                v.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("OneDoor web: Vert.x did not close cleanly: {}", e.getMessage());
            }
        }
    }

    private synchronized void rebuild() {
        if (!active || vertx == null) {
            return;
        }
        Router next = Router.router(vertx);
        next.route().handler(ctx -> {
            ctx.response().putHeader("X-Content-Type-Options", "nosniff");
            ctx.next();
        });
        next.route().handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
        for (RouteContributor c : contributors) {
            try {
                c.contribute(next);
            } catch (RuntimeException e) {
                LOG.error("OneDoor web: routes of {} could not be added and are left out: {}", c.getClass().getName(), e.getMessage());
            }
        }
        for (int status : new int[] {400, 401, 403, 404, 405, 413, 415, 500}) {
            next.errorHandler(status, Problems::handle);
        }
        router.set(next);
    }
}
