package org.onedoor.web.internal.catalog;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.onedoor.api.hall.Department;
import org.onedoor.api.matter.Material;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterElements;
import org.onedoor.api.matter.SpecialStep;

/** JSON views of units and matters for the API. */
public final class CatalogJson {

    private CatalogJson() {
    }

    static JsonObject department(Department d, int offered) {
        return new JsonObject()
                .put("id", d.id())
                .put("nameZh", d.nameZh())
                .put("nameEn", d.nameEn())
                .put("kind", d.kind().name())
                .put("entryMode", d.entryMode().name())
                .put("zoneId", d.zoneId())
                .put("publishedMatters", d.publishedMatters())
                .put("enteringMatters", d.enteringMatters())
                .put("offeredMatters", offered)
                .put("noteZh", d.noteZh());
    }

    static JsonObject matterSummary(Matter m) {
        return new JsonObject()
                .put("code", m.code())
                .put("nameZh", m.nameZh())
                .put("nameEn", m.nameEn())
                .put("departmentId", m.departmentId())
                .put("zoneId", m.zoneId())
                .put("type", m.type().name())
                .put("committedDays", m.committedDays())
                .put("immediate", m.immediate())
                .put("online", m.online())
                .put("slot", m.slot()).put("livelihood", m.livelihood());
    }

    static JsonObject matter(Matter m) {
        JsonArray materials = new JsonArray();
        for (Material mat : m.materials()) {
            materials.add(new JsonObject().put("name", mat.name()).put("kind", mat.kind().name()).put("noteZh", mat.noteZh()));
        }
        JsonArray steps = new JsonArray();
        for (SpecialStep s : m.specialSteps()) {
            steps.add(new JsonObject().put("step", s.name()).put("labelZh", s.chinese()).put("labelEn", s.english()));
        }
        return matterSummary(m)
                .put("typeZh", m.type().chinese()).put("typeEn", m.type().english())
                .put("materials", materials)
                .put("statutoryDays", m.statutoryDays())
                .put("atMostOneTrip", m.atMostOneTrip())
                .put("fee", m.fee().toPlainString())
                .put("specialSteps", steps)
                .put("windowSignOffAllowed", m.windowSignOffAllowed())
                .put("revision", m.revision())
                .put("elements", elements(m.elements()));
    }

    /** The national basic catalog's elements (R8); a number the source does not state is null. */
    static JsonObject elements(MatterElements e) {
        return new JsonObject()
                .put("basicCode", e.basicCode())
                .put("implementationCode", e.implementationCode())
                .put("legalBasis", e.legalBasis())
                .put("conditions", e.conditions())
                .put("feeBasis", e.feeBasis())
                .put("siteVisits", e.siteVisits() == MatterElements.NOT_STATED ? null : e.siteVisits())
                .put("onlineDepth", e.onlineDepth() == MatterElements.NOT_STATED ? null : e.onlineDepth());
    }
}
