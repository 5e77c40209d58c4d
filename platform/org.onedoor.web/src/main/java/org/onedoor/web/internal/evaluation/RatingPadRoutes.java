package org.onedoor.web.internal.evaluation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseEvaluations;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.cases.RatingParty;
import org.onedoor.api.cases.RatingPrompt;
import org.onedoor.api.cases.RatingPrompts;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.staff.NamePlate;
import org.onedoor.api.staff.WindowRoster;
import org.onedoor.api.user.HallRole;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.HallScope;
import org.onedoor.web.internal.http.Json;
import org.onedoor.web.internal.http.Problems;
import org.onedoor.web.internal.queue.QueueJson;
import org.onedoor.web.internal.queue.WindowRoutes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * "One service, one rating" at the window (一次一评, docs/evaluation.md "The rating pad"): the clerk asks
 * ({@code POST /api/v1/windows/{n}/rating-prompt}), the window's rating pad reads the prompt
 * ({@code GET …/rating-prompt}) and rates through it ({@code POST …/rating-prompt/evaluation}). The pad is a
 * device: a device token of a user whose role is {@code kiosk}, bound to the window by
 * {@code etc/org.onedoor.ratingpads.cfg}; anyone else is refused (401 without a credential, 403 otherwise).
 * The pad sees the clerk's name plate, never a login name, and never the check code.
 */
@Component(service = RouteContributor.class, configurationPid = "org.onedoor.ratingpads", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RatingPadConfig.class)
public final class RatingPadRoutes implements RouteContributor {

    private final RatingPrompts prompts;
    private final CaseEvaluations evaluations;
    private final WebAccess access;
    private volatile RatingPads pads;

    /** The halls the node serves; absent, only the default hall's routes answer. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile HallDirectory halls;

    /** The staff registry's roster, for the name plates; absent, the pad shows none. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile WindowRoster roster;

    /** The catalog, for the matter's English name; absent, the pad shows the Chinese one only. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile MatterCatalog catalog;

    @Activate
    public RatingPadRoutes(@Reference RatingPrompts prompts, @Reference CaseEvaluations evaluations, @Reference WebAccess access,
            RatingPadConfig config) {
        this.prompts = prompts;
        this.evaluations = evaluations;
        this.access = access;
        modified(config);
    }

    /** Takes a changed etc/org.onedoor.ratingpads.cfg without a restart; a wrong one is refused and the last good one kept. */
    @Modified
    void modified(RatingPadConfig config) {
        this.pads = RatingPads.parse(config.pads());
    }

    @Override
    public void contribute(Router router) {
        for (String prefix : HallScope.PREFIXES) {
            router.post(prefix + "/windows/:no/rating-prompt").handler(access.requireAnyRole(WindowRoutes.CLERK_ROLES)).handler(this::ask);
            router.get(prefix + "/windows/:no/rating-prompt").handler(access.requireAnyRole(HallRole.KIOSK.id())).handler(this::read);
            router.post(prefix + "/windows/:no/rating-prompt/evaluation").handler(access.requireAnyRole(HallRole.KIOSK.id()))
                    .handler(this::rate);
        }
    }

    private void ask(RoutingContext ctx) {
        Fields body = Fields.of(ctx);
        String number = body.required("caseNumber", Fields.CASE_NUMBER).toUpperCase(Locale.ROOT);
        String hall = HallScope.of(ctx, halls);
        int window = window(ctx);
        CaseActor actor = new CaseActor(ctx.get(WebAccess.PRINCIPAL), "window:" + (Hall.DEFAULT_ID.equals(hall) ? "" : hall + "/") + window);
        blocking(ctx, 201, () -> {
            RatingPrompt p = prompts.ask(hall, window, number, actor);
            return new JsonObject().put("window", p.window()).put("caseNumber", p.caseNumber()).put("askedAt", p.askedAt().toString())
                    .put("expiresAt", p.expiresAt().toString())
                    .put("parties", new JsonArray(p.parties().stream().map(Enum::name).toList()));
        });
    }

    private void read(RoutingContext ctx) {
        String hall = HallScope.of(ctx, halls);
        int window = padWindow(ctx, hall);
        blocking(ctx, 200, () -> pad(prompts.current(hall, window).orElseThrow(RatingPadRoutes::none)));
    }

    private void rate(RoutingContext ctx) {
        String hall = HallScope.of(ctx, halls);
        int window = padWindow(ctx, hall);
        Fields body = Fields.of(ctx);
        RatingParty party = RatingJson.party(body);
        RatingLevel level = RatingJson.level(body);
        List<String> reasons = body.texts("reasons", 8);
        String comment = body.text("comment", 500);
        blocking(ctx, 201, () -> RatingJson.citizen(prompts.rate(hall, window, party, level, reasons, comment)));
    }

    /** @return the window of the path when the caller is that window's pad; else 403 {@code not-this-windows-pad} */
    private int padWindow(RoutingContext ctx, String hall) {
        int window = window(ctx);
        String user = ctx.get(WebAccess.USER);
        if (!pads.at(user, hall, window)) {
            throw new ProblemException(403, "not-this-windows-pad", "Forbidden", "设备 " + Problems.echo(user) + " 不是 " + window
                    + " 号窗口的评价器 (this device is not the rating pad of window " + window + "; see etc/org.onedoor.ratingpads.cfg)");
        }
        return window;
    }

    /** @return what the pad shows: the case, the matter, the name plates of the parties to rate, the levels and reasons */
    private JsonObject pad(RatingPrompt p) {
        WindowRoster r = roster;
        Map<String, NamePlate> plates = r == null ? Map.of() : r.namePlates(p.approver().isEmpty() ? List.of(p.clerk())
                : List.of(p.clerk(), p.approver()));
        MatterCatalog c = catalog;
        String nameEn = c == null ? "" : c.matter(p.matterCode()).map(Matter::nameEn).orElse("");
        List<JsonObject> parties = new ArrayList<>();
        for (RatingParty party : p.parties()) {
            String who = party == RatingParty.FRONT ? p.clerk() : p.approver();
            parties.add(new JsonObject().put("party", party.name()).put("zh", party.chinese()).put("en", party.english())
                    .put("plate", QueueJson.plate(plates.get(who))));
        }
        JsonObject catalogue = RatingJson.catalogue(evaluations.reasons(), evaluations.changeDays());
        return new JsonObject().put("window", p.window()).put("caseNumber", p.caseNumber()).put("matterNameZh", p.matterNameZh())
                .put("matterNameEn", nameEn).put("applicant", p.applicantMasked()).put("plate", QueueJson.plate(plates.get(p.clerk())))
                .put("parties", new JsonArray(parties)).put("levels", catalogue.getJsonArray("levels"))
                .put("catalogue", catalogue.getString("catalogue")).put("maxReasons", catalogue.getInteger("maxReasons"))
                .put("maxComment", catalogue.getInteger("maxComment")).put("expiresAt", p.expiresAt().toString());
    }

    private static ProblemException none() {
        return ProblemException.notFound("no-rating-prompt", "本窗口暂无待评价的服务 (no rating asked at this window)");
    }

    private static int window(RoutingContext ctx) {
        try {
            int n = Integer.parseInt(ctx.pathParam("no"));
            if (n >= 1 && n <= WindowRoutes.MAX_WINDOW) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.notFound("unknown-window", "windows are numbered 1 to " + WindowRoutes.MAX_WINDOW + ", not '"
                + Problems.echo(ctx.pathParam("no")) + "'");
    }

    private static void blocking(RoutingContext ctx, int status, Callable<JsonObject> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
            } else {
                Json.send(ctx, status, r.result());
            }
        }));
    }
}
