package org.onedoor.core.internal.matter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.onedoor.api.matter.Material;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterElements;
import org.onedoor.api.matter.MatterType;
import org.onedoor.api.matter.SpecialStep;

/**
 * Reads a catalog file (format {@value #FORMAT}, see docs/catalog.md) into matters. A file with
 * any bad entry is refused whole, with a message naming the entry and field.
 */
final class CatalogFileCodec {

    static final String FORMAT = "onedoor-catalog/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogFileCodec() {
    }

    /**
     * @param in         the file
     * @param source     where it comes from, for messages
     * @param zoneOfUnit the receiving zone of a unit, used when an entry names none; null for an unknown unit
     * @throws InvalidCatalogException naming the first problem
     */
    static List<Matter> read(InputStream in, String source, Function<String, String> zoneOfUnit) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new InvalidCatalogException(source + ": not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidCatalogException(source + ": cannot be read: " + e.getMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new InvalidCatalogException(source + ": \"format\" must be \"" + FORMAT + "\"");
        }
        JsonNode entries = root.path("matters");
        if (!entries.isArray()) {
            throw new InvalidCatalogException(source + ": \"matters\" must be a list");
        }
        String defaultUnit = root.path("department").asText("");
        List<Matter> matters = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int index = 0;
        for (JsonNode entry : entries) {
            index++;
            String where = source + ": matter #" + index + (entry.hasNonNull("code") ? " (" + entry.get("code").asText() + ")" : "");
            Matter matter = entry(entry, where, defaultUnit, zoneOfUnit);
            if (!codes.add(matter.code())) {
                throw new InvalidCatalogException(where + ": code " + matter.code() + " is listed twice");
            }
            matters.add(matter);
        }
        return matters;
    }

    /**
     * Reads one matter given as a catalog file entry (JSON object).
     *
     * @throws InvalidCatalogException naming the problem
     */
    static Matter readEntry(String json, String where, Function<String, String> zoneOfUnit) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidCatalogException(where + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidCatalogException(where + ": the matter must be a JSON object");
        }
        return entry(node, where, "", zoneOfUnit);
    }

    /** @return the matters as one catalog file ({@value #FORMAT}), which {@link #read} reads back to the same matters */
    static String write(List<Matter> matters) {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
        ArrayNode entries = root.putArray("matters");
        matters.forEach(m -> entries.add(entryNode(m)));
        return root.toString();
    }

    /** @return the matter as one catalog file entry */
    static String writeEntry(Matter m) {
        return entryNode(m).toString();
    }

    private static ObjectNode entryNode(Matter m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("code", m.code()).put("nameZh", m.nameZh()).put("nameEn", m.nameEn()).put("departmentId", m.departmentId())
                .put("zoneId", m.zoneId()).put("type", m.type().name());
        ArrayNode materials = o.putArray("materials");
        m.materials().forEach(x -> materials.addObject().put("name", x.name()).put("kind", x.kind().name()).put("note", x.noteZh()));
        o.put("statutoryDays", m.statutoryDays()).put("committedDays", m.committedDays()).put("immediate", m.immediate())
                .put("online", m.online()).put("atMostOneTrip", m.atMostOneTrip()).put("fee", m.fee().toPlainString());
        ArrayNode steps = o.putArray("specialSteps");
        m.specialSteps().stream().sorted().forEach(x -> steps.add(x.name()));
        MatterElements el = m.elements();
        if (!el.isEmpty()) {
            o.put("basicCode", el.basicCode()).put("implementationCode", el.implementationCode())
                    .put("legalBasis", el.legalBasis()).put("conditions", el.conditions()).put("feeBasis", el.feeBasis());
            if (el.siteVisits() != MatterElements.NOT_STATED) {
                o.put("siteVisits", el.siteVisits());
            }
            if (el.onlineDepth() != MatterElements.NOT_STATED) {
                o.put("onlineDepth", el.onlineDepth());
            }
        }
        if (m.slot()) {
            o.put("slot", true);
        }
        if (m.livelihood()) {
            o.put("livelihood", true);
        }
        return o;
    }

    private static Matter entry(JsonNode e, String where, String defaultUnit, Function<String, String> zoneOfUnit) {
        try {
            String unit = text(e, "departmentId", defaultUnit);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("\"departmentId\" is missing");
            }
            String zone = text(e, "zoneId", "");
            if (zone.isEmpty()) {
                zone = zoneOfUnit.apply(unit);
                if (zone == null) {
                    throw new IllegalArgumentException("unknown unit '" + unit + "'");
                }
            }
            List<Material> materials = new ArrayList<>();
            for (JsonNode m : e.path("materials")) {
                materials.add(new Material(m.path("name").asText(""), kind(m.path("kind").asText("")), m.path("note").asText("")));
            }
            Set<SpecialStep> steps = EnumSet.noneOf(SpecialStep.class);
            for (JsonNode s : e.path("specialSteps")) {
                steps.add(enumValue(SpecialStep.class, s.asText(), "specialSteps"));
            }
            return new Matter(text(e, "code", ""), text(e, "nameZh", ""), text(e, "nameEn", ""), unit, zone,
                    enumValue(MatterType.class, text(e, "type", ""), "type"), materials,
                    integer(e, "statutoryDays"), integer(e, "committedDays"), e.path("immediate").asBoolean(false),
                    e.path("online").asBoolean(false), e.path("atMostOneTrip").asBoolean(false), fee(e), steps, "",
                    elements(e), bool(e, "slot"), bool(e, "livelihood"));
        } catch (IllegalArgumentException ex) {
            throw new InvalidCatalogException(where + ": " + ex.getMessage());
        }
    }

    private static MatterElements elements(JsonNode e) {
        return new MatterElements(text(e, "basicCode", ""), text(e, "implementationCode", ""), text(e, "legalBasis", ""),
                text(e, "conditions", ""), text(e, "feeBasis", ""), optionalInteger(e, "siteVisits"),
                optionalInteger(e, "onlineDepth"));
    }

    private static boolean bool(JsonNode e, String field) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("\"" + field + "\" must be true or false");
        }
        return v.booleanValue();
    }

    private static int optionalInteger(JsonNode e, String field) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull()) {
            return MatterElements.NOT_STATED;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number");
        }
        return v.intValue();
    }

    private static String text(JsonNode e, String field, String fallback) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static int integer(JsonNode e, String field) {
        JsonNode v = e.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number of working days");
        }
        return v.intValue();
    }

    private static BigDecimal fee(JsonNode e) {
        JsonNode v = e.get("fee");
        if (v == null || v.isNull()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(v.asText());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("\"fee\" must be an amount in yuan, was '" + v.asText() + "'");
        }
    }

    private static MaterialKind kind(String value) {
        return enumValue(MaterialKind.class, value, "materials[].kind");
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("\"" + field + "\" is '" + value + "', expected one of "
                    + EnumSet.allOf(type));
        }
    }

    /** A catalog file that cannot be loaded; nothing of it is used. */
    static final class InvalidCatalogException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidCatalogException(String message) {
            super(message);
        }
    }
}
