package org.onedoor.web.internal.cases;

import static org.onedoor.web.internal.cases.CaseRequests.NUMBER;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseFile;
import org.onedoor.api.cases.CaseFiles;
import org.onedoor.api.cluster.HallCluster;
import org.onedoor.web.Guarded;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.Fields;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Scanned files of a case's materials. {@code POST /api/v1/cases/{no}/materials/{n}/files?name=}
 * takes the file as the raw body (its {@code Content-Type} is checked against its content);
 * {@code GET /api/v1/cases/{no}/files} lists them without content; {@code GET …/files/{id}}
 * gives one file to the case's deciding unit only, as an attachment that the browser does not run.
 */
@Component(service = RouteContributor.class)
public final class CaseFileRoutes implements RouteContributor {

    /** Who may send files: the front counter and the deciding unit. */
    static final String[] SENDERS = {"admin", "operator", "clerk", "approver", "department"};

    private final CaseFiles files;
    private final WebAccess access;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HallCluster cluster;

    @Activate
    public CaseFileRoutes(@Reference CaseFiles files, @Reference WebAccess access) {
        this.files = files;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.postWithRegex("/api/v1/cases/" + NUMBER + "/materials/(?<material>[0-9]{1,3})/files")
                .handler(access.requireAnyRole(SENDERS)).handler(this::attach);
        router.getWithRegex("/api/v1/cases/" + NUMBER + "/files").handler(access.requireAnyRole(CaseRequests.STAFF)).handler(ctx -> {
            CaseActor actor = actor(ctx);
            CaseRequests.send(ctx, 200, () -> {
                JsonArray items = new JsonArray();
                files.files(number(ctx), actor).forEach(f -> items.add(json(f)));
                return new JsonObject().put("caseNumber", number(ctx)).put("files", items);
            });
        });
        router.getWithRegex("/api/v1/cases/" + NUMBER + "/files/(?<id>[0-9]{1,18})").handler(access.requireAnyRole(CaseRequests.DECIDERS))
                .handler(this::download);
    }

    private void attach(RoutingContext ctx) {
        String name = ctx.queryParams().get("name");
        if (name == null) {
            throw new Fields.FieldProblem("invalid-file-name", "name", "name: 请给出文件名，如 ?name=身份证.pdf (give the file's name)");
        }
        int material = Integer.parseInt(ctx.pathParam("material"));
        String declared = ctx.request().getHeader("Content-Type");
        byte[] content = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        CaseActor actor = actor(ctx);
        CaseRequests.send(ctx, 201, () -> json(files.attach(number(ctx), material, name, declared == null ? "" : declared, content, actor)));
    }

    private void download(RoutingContext ctx) {
        CaseActor actor = actor(ctx);
        long id = Long.parseLong(ctx.pathParam("id"));
        ctx.vertx().executeBlocking(() -> files.open(number(ctx), id, actor), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            CaseFile f = r.result().file();
            ctx.response().setStatusCode(200)
                    .putHeader("Content-Type", f.contentType())
                    .putHeader("Content-Disposition", "attachment; filename=\"file-" + f.id() + "\"; filename*=UTF-8''"
                            + URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                    .putHeader("Content-Security-Policy", "sandbox; default-src 'none'")
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("X-OneDoor-SHA256", f.sha256())
                    .end(Buffer.buffer(r.result().bytes()));
        }));
    }

    static JsonObject json(CaseFile f) {
        return new JsonObject().put("id", f.id()).put("caseNumber", f.caseNumber()).put("material", f.material())
                .put("materialName", f.materialName()).put("name", f.fileName()).put("contentType", f.contentType())
                .put("size", f.size()).put("sha256", f.sha256()).put("uploadedBy", f.uploadedBy())
                .put("uploadedAt", f.uploadedAt().toString());
    }

    private static String number(RoutingContext ctx) {
        return ctx.pathParam("no").toUpperCase(Locale.ROOT);
    }

    private CaseActor actor(RoutingContext ctx) {
        return CaseRequests.actor(ctx, 0, cluster);
    }
}
