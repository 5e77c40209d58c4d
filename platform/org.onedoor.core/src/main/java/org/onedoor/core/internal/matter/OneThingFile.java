package org.onedoor.core.internal.matter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.onedoor.api.matter.InvalidOneThingsException;

/**
 * Reads a "one thing" list file (format {@value #FORMAT}): every entry checked, every problem collected with its place
 * ({@code oneThings[2].matters[0]: …}), so a refused file says all that is wrong with it at once.
 */
final class OneThingFile {

    static final String FORMAT = "onedoor-one-things/1";
    private static final int MAX_ENTRIES = 100;

    private OneThingFile() {
    }

    /**
     * @param json        the file's text
     * @param knownMatter whether the catalog offers a matter code (a loaded list names matters the hall has)
     * @return the entries, in the file's order
     * @throws InvalidOneThingsException with every problem found
     */
    static List<OneThingCatalog.Entry> parse(String json, Predicate<String> knownMatter) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new InvalidOneThingsException(List.of("file: 不是 JSON (not JSON): line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidOneThingsException(List.of("file: 应为 JSON 对象 (a JSON object with \"format\" and \"oneThings\")"));
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            problems.add("format: 应为 \"" + FORMAT + "\" (must be \"" + FORMAT + "\")");
        }
        JsonNode list = root.path("oneThings");
        if (!list.isArray() || list.isEmpty() || list.size() > MAX_ENTRIES) {
            problems.add("oneThings: 应为 1 至 " + MAX_ENTRIES + " 项的数组 (an array of 1 to " + MAX_ENTRIES + " entries)");
            throw new InvalidOneThingsException(problems);
        }
        List<OneThingCatalog.Entry> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String at = "oneThings[" + i + "]";
            String code = text(n, "code");
            if (!code.matches("OT[0-9]{2}")) {
                problems.add(at + ".code: 编号形如 OT01 (a code like OT01), was '" + clip(code) + "'");
            } else if (!codes.add(code)) {
                problems.add(at + ".code: " + code + " 重复 (listed twice)");
            }
            String nameZh = text(n, "nameZh").strip();
            if (nameZh.isEmpty() || nameZh.length() > 64) {
                problems.add(at + ".nameZh: 需要 1 至 64 字的中文名称 (a Chinese name of 1 to 64 characters)");
            }
            String nameEn = text(n, "nameEn").strip();
            if (nameEn.length() > 128) {
                problems.add(at + ".nameEn: 至多 128 字 (at most 128 characters)");
            }
            String note = text(n, "note").strip();
            if (note.length() > 500) {
                problems.add(at + ".note: 至多 500 字 (at most 500 characters)");
            }
            JsonNode placeholder = n.path("placeholder");
            if (!placeholder.isMissingNode() && !placeholder.isBoolean()) {
                problems.add(at + ".placeholder: 应为 true 或 false (true or false)");
            }
            List<String> matters = new ArrayList<>();
            JsonNode ms = n.path("matters");
            if (!ms.isArray() || ms.size() < 2 || ms.size() > 20) {
                problems.add(at + ".matters: 应为 2 至 20 个事项编码 (2 to 20 matter codes)");
            } else {
                for (int j = 0; j < ms.size(); j++) {
                    String m = ms.get(j).isTextual() ? ms.get(j).asText().strip() : "";
                    if (!m.matches("[A-Z][0-9]{2}-[0-9]{3}")) {
                        problems.add(at + ".matters[" + j + "]: 事项编码形如 A15-001 (a matter code like A15-001), was '" + clip(ms.get(j).asText()) + "'");
                    } else if (matters.contains(m)) {
                        problems.add(at + ".matters[" + j + "]: " + m + " 重复 (listed twice)");
                    } else if (!knownMatter.test(m)) {
                        problems.add(at + ".matters[" + j + "]: 大厅目录中没有事项 " + m + " (the catalog offers no matter " + m + ")");
                    } else {
                        matters.add(m);
                    }
                }
            }
            if (problems.isEmpty()) {
                out.add(new OneThingCatalog.Entry(code, nameZh, nameEn, matters, placeholder.asBoolean(false), note));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidOneThingsException(problems.size() > 50 ? problems.subList(0, 50) : problems);
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText() : "";
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
