package org.onedoor.web.internal;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.http.Problems;
import org.onedoor.web.internal.http.QueryParams;
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
 * never see a half-built router and the server keeps listening throughout. Listens on plain HTTP,
 * HTTPS or both ({@code etc/org.onedoor.web.cfg}); every connection passes a {@link RequestGuard}.
 */
@Component(immediate = true, configurationPid = "org.onedoor.web", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WebConfig.class)
public final class HallHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(HallHttpServer.class);

    private final List<RouteContributor> contributors = new CopyOnWriteArrayList<>();
    private final AtomicReference<Router> router = new AtomicReference<>();
    private final Vertx vertx;
    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final String hsts;
    private volatile boolean active;

    @Activate
    public HallHttpServer(WebConfig config) throws Exception {
        int port = ListenPort.resolve(config.port(), System.getenv(ListenPort.ENV));
        int httpsPort = config.httpsPort();
        if (httpsPort < 0 || httpsPort > 65535 || httpsPort == port && config.httpEnabled()) {
            throw new IllegalArgumentException("httpsPort=" + httpsPort + " in etc/org.onedoor.web.cfg is not a free port number (1-65535, 0 = off)");
        }
        if (!config.httpEnabled() && httpsPort == 0) {
            throw new IllegalArgumentException("httpEnabled=false and httpsPort=0 in etc/org.onedoor.web.cfg: the node would serve nothing");
        }
        if (config.streamHeartbeatSeconds() >= config.idleTimeoutSeconds() && config.idleTimeoutSeconds() > 0) {
            throw new IllegalArgumentException("streamHeartbeatSeconds=" + config.streamHeartbeatSeconds() + " must be below idleTimeoutSeconds="
                    + config.idleTimeoutSeconds() + " in etc/org.onedoor.web.cfg, or event streams are closed as idle");
        }
        this.maxBodyBytes = config.maxBodyBytes();
        this.maxUploadBytes = Math.max(config.maxBodyBytes(), config.maxUploadBytes());
        this.hsts = httpsPort != 0 && config.hstsMaxAgeSeconds() > 0 ? "max-age=" + config.hstsMaxAgeSeconds() : null;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Vertx.class.getClassLoader());
        try {
            this.vertx = Vertx.vertx(new VertxOptions()
                    .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
            this.active = true;
            rebuild();
            RequestGuard guard = new RequestGuard(vertx, config.requestTimeoutSeconds());
            Handler<HttpServerRequest> routed = request -> router.get().handle(request);
            if (config.httpEnabled()) {
                Handler<HttpServerRequest> plain = httpsPort != 0 && config.httpRedirect() ? redirecting(httpsPort, routed) : routed;
                listen(options(config).setPort(port), guard, plain);
            }
            if (httpsPort != 0) {
                listen(options(config).setPort(httpsPort).setSsl(true).setKeyCertOptions(TlsOptions.keyCert(config)), guard, routed);
            }
        } catch (Exception e) {
            LOG.error("OneDoor web: cannot listen on {} (port {}, HTTPS port {}): {}", config.host(), port, httpsPort, e.getMessage());
            closeQuietly();
            throw e;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        if (httpsPort != 0) {
            LOG.info("OneDoor web: listening on https://{}:{}/api/v1/health", config.host(), httpsPort);
        }
        if (config.httpEnabled() && httpsPort == 0) {
            LOG.warn("OneDoor web: listening on plain HTTP http://{}:{}/ only: passwords and session cookies cross the network unencrypted. "
                    + "Turn on HTTPS with httpsPort and tlsKeyStore (or tlsCertificate + tlsPrivateKey) in etc/org.onedoor.web.cfg "
                    + "(docs/security.md, \"HTTPS\")", config.host(), port);
        } else if (config.httpEnabled()) {
            LOG.info("OneDoor web: plain HTTP on http://{}:{}/ {}", config.host(), port,
                    config.httpRedirect() ? "redirects to HTTPS (except /api/v1/health)" : "serves the API too (httpRedirect=false)");
        }
    }

    private static HttpServerOptions options(WebConfig config) {
        return new HttpServerOptions().setHost(config.host())
                .setMaxInitialLineLength(8192).setMaxHeaderSize(16384)
                .setIdleTimeout(Math.max(0, config.idleTimeoutSeconds())).setIdleTimeoutUnit(TimeUnit.SECONDS);
    }

    private void listen(HttpServerOptions options, RequestGuard guard, Handler<HttpServerRequest> handler) throws Exception {
        HttpServer server = vertx.createHttpServer(options)
                .connectionHandler(guard::connected)
                .invalidRequestHandler(guard::invalid)
                .requestHandler(request -> guard.handle(request, handler));
        server.listen().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    /** Plain HTTP beside HTTPS: 308 to the same URI over HTTPS, health excepted so that probes keep working. */
    private static Handler<HttpServerRequest> redirecting(int httpsPort, Handler<HttpServerRequest> routed) {
        return request -> {
            String path = request.path();
            if (path != null && (path.equals("/api/v1/health") || path.startsWith("/api/v1/health/"))) {
                routed.handle(request);
                return;
            }
            String host = request.authority().host();
            String authority = (host.contains(":") ? "[" + host + "]" : host) + (httpsPort == 443 ? "" : ":" + httpsPort);
            request.response().setStatusCode(308).putHeader("Location", "https://" + authority + request.uri())
                    .putHeader("Cache-Control", "no-store").end();
        };
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addContributor(RouteContributor contributor) {
        contributors.add(contributor);
        rebuild();
    }

    public void removeContributor(RouteContributor contributor) {
        contributors.remove(contributor);
        rebuild();
    }

    @Deactivate
    public void stop() {
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
            if (hsts != null && ctx.request().isSSL()) {
                ctx.response().putHeader("Strict-Transport-Security", hsts);
            }
            ctx.next();
        });
        next.route().handler(QueryParams::check);
        // file uploads take larger bodies; the body handler of every other route then sees the body read and passes
        next.postWithRegex(RouteContributor.FILE_UPLOADS).handler(BodyHandler.create(false).setBodyLimit(maxUploadBytes));
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
