package org.onedoor.web.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onedoor.web.ProblemException;

/**
 * The one way routes read a JSON request body: parsed strictly (one object, no duplicate keys, no
 * lone surrogates, bounded nesting) and read field by field with the type and the largest length
 * the store's column takes. Nothing is coerced; every refusal is a 400 problem naming the field.
 */
public final class Fields {

    /** Column lengths of the store's schema (platform/org.onedoor.store migrations). */
    public static final int USER = 128;
    public static final int ZONE = 64;
    public static final int MATTER = 16;
    public static final int DEPARTMENT = 16;
    public static final int REASON = 1000;
    public static final int CASE_NUMBER = 32;
    public static final int REFERENCE = 128;
    public static final int SHORT = 64;
    public static final int NAME = 64;
    /** An organization's name (hall_case.applicant_name since V79). */
    public static final int ORGANIZATION = 128;
    public static final int MATERIAL = 200;
    /** Largest number of items an array field may hold. */
    public static final int MAX_ITEMS = 100;
    /** How far from today a date field may lie. */
    public static final int MAX_YEARS = 100;

    private static final String PARSED = Fields.class.getName();
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private final JsonObject json;
    private final String prefix;
    private final String code;

    private Fields(JsonObject json, String prefix, String code) {
        this.json = json;
        this.prefix = prefix;
        this.code = code;
    }

    /** @return the request body's fields; 415 unless sent as JSON, 400 unless one strictly valid JSON object */
    public static Fields of(RoutingContext ctx) {
        return new Fields(object(ctx), "", null);
    }

    /** @return the fields of a body already parsed (strictly, by {@link #parse}) */
    public static Fields of(JsonObject parsed) {
        return new Fields(parsed, "", null);
    }

    /** @return the body's fields, or none when the request has no body */
    public static Fields ofOptional(RoutingContext ctx) {
        return ctx.body() == null || ctx.body().buffer() == null || ctx.body().buffer().length() == 0 ? new Fields(new JsonObject(), "", null) : of(ctx);
    }

    /** @return the request body as a strictly parsed JSON object (parsed once per request) */
    public static JsonObject object(RoutingContext ctx) {
        JsonObject done = ctx.get(PARSED);
        if (done != null) {
            return done;
        }
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type", "send the body as application/json");
        }
        byte[] bytes = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        JsonObject parsed = parse(bytes);
        ctx.put(PARSED, parsed);
        return parsed;
    }

    /** @return the bytes as one JSON object; a 400 problem when they are not one, repeat a key or hold a lone surrogate */
    public static JsonObject parse(byte[] bytes) {
        try (JsonParser p = STRICT.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ProblemException.badRequest("malformed-json", "the request body must be a JSON object");
            }
            JsonObject result = new JsonObject(readObject(p, ""));
            if (p.nextToken() != null) {
                throw ProblemException.badRequest("malformed-json", "the request body must be one JSON object, with nothing after it");
            }
            return result;
        } catch (StreamReadException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (message.startsWith("Duplicate field")) {
                JsonParser at = e.getProcessor();
                String name = at == null ? "" : at.getParsingContext().pathAsPointer().toString();
                throw new FieldProblem("duplicate-key", pointerToField(name), "键 “" + Problems.echo(pointerToField(name))
                        + "” 重复 (a key appears twice in the body)");
            }
            throw ProblemException.badRequest("malformed-json", "the request body is not valid JSON");
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed-json", "the request body is not valid JSON");
        }
    }

    private static String pointerToField(String pointer) {
        return pointer.replaceFirst("^/", "").replace('/', '.');
    }

    private static Map<String, Object> readObject(JsonParser p, String path) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String at = path.isEmpty() ? name : path + "." + name;
            checkText(name, at);
            p.nextToken();
            map.put(name, readValue(p, at));
        }
        return map;
    }

    private static Object readValue(JsonParser p, String at) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return new JsonObject(readObject(p, at));
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(p, at + "[" + i++ + "]"));
                }
                return new JsonArray(list);
            case VALUE_STRING:
                return checkText(p.getText(), at);
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static String checkText(String s, String at) {
        if (hasLoneSurrogate(s)) {
            throw new FieldProblem("invalid-field", at, "“" + Problems.echo(at) + "” 含有无效字符 (holds a lone surrogate, not text)");
        }
        return s;
    }

    /** @return whether the string holds half of a surrogate pair alone (not text) */
    public static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** @return these fields, refusing with the given problem code instead of {@code invalid-field}/{@code missing-field} */
    public Fields refusedAs(String problemCode) {
        return new Fields(json, prefix, problemCode);
    }

    public boolean has(String field) {
        return json.containsKey(field);
    }

    /** @return the whole object, already checked for keys and text */
    public JsonObject json() {
        return json;
    }

    /** @return the string, stripped; "" when absent; refused when not a string or longer than {@code max} */
    public String text(String field, int max) {
        if (!json.containsKey(field)) {
            return "";
        }
        if (!(json.getValue(field) instanceof String s)) {
            throw invalid(field, "应为字符串 (must be a string)");
        }
        if (s.length() > max) {
            throw invalid(field, "最长 " + max + " 个字符 (is at most " + max + " characters)");
        }
        return s.strip();
    }

    /** @return the string, stripped; refused when absent or blank */
    public String required(String field, int max) {
        String s = text(field, max);
        if (s.isEmpty()) {
            throw new FieldProblem(code == null ? "missing-field" : code, name(field),
                    "缺少字段 “" + name(field) + "” (field '" + name(field) + "' is required)");
        }
        return s;
    }

    /** @return the boolean; {@code fallback} when absent; refused when not true or false */
    public boolean bool(String field, boolean fallback) {
        if (!json.containsKey(field)) {
            return fallback;
        }
        if (!(json.getValue(field) instanceof Boolean b)) {
            throw invalid(field, "应为 true 或 false (must be true or false)");
        }
        return b;
    }

    /** @return the boolean; refused when absent or not true or false */
    public boolean requiredBool(String field) {
        if (!json.containsKey(field)) {
            throw new FieldProblem(code == null ? "missing-field" : code, name(field),
                    "缺少字段 “" + name(field) + "”（true 或 false） (field '" + name(field) + "' is required: true or false)");
        }
        return bool(field, false);
    }

    /** @return the whole number from {@code min} to {@code max}; {@code fallback} when absent */
    public int integer(String field, int fallback, int min, int max) {
        if (!json.containsKey(field)) {
            return fallback;
        }
        Object v = json.getValue(field);
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min || ((Number) v).longValue() > max) {
            throw invalid(field, "应为 " + min + " 至 " + max + " 的整数 (must be a whole number from " + min + " to " + max + ")");
        }
        return ((Number) v).intValue();
    }

    /** @return the strings, stripped; empty when absent; at most {@link #MAX_ITEMS} of at most {@code max} characters */
    public List<String> texts(String field, int max) {
        if (!json.containsKey(field)) {
            return List.of();
        }
        if (!(json.getValue(field) instanceof JsonArray array) || array.size() > MAX_ITEMS) {
            throw invalid(field, "应为至多 " + MAX_ITEMS + " 个字符串的数组 (must be an array of at most " + MAX_ITEMS + " strings)");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String s) || s.length() > max) {
                throw invalid(field + "[" + i + "]", "应为最长 " + max + " 个字符的字符串 (must be a string of at most " + max + " characters)");
            }
            out.add(s.strip());
        }
        return out;
    }

    /** @return the nested object's fields; refused when absent or not an object */
    public Fields object(String field) {
        if (!(json.getValue(field) instanceof JsonObject o)) {
            throw invalid(field, "应为对象 (must be an object)");
        }
        return new Fields(o, name(field) + ".", code);
    }

    /** @return the nested objects of an array field; refused when absent, not an array of objects or longer than {@link #MAX_ITEMS} */
    public List<Fields> objects(String field) {
        if (!(json.getValue(field) instanceof JsonArray array) || array.size() > MAX_ITEMS) {
            throw invalid(field, "应为至多 " + MAX_ITEMS + " 个对象的数组 (must be an array of at most " + MAX_ITEMS + " objects)");
        }
        List<Fields> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject o)) {
                throw invalid(field + "[" + i + "]", "应为对象 (must be an object)");
            }
            out.add(new Fields(o, name(field) + "[" + i + "].", code));
        }
        return out;
    }

    /** @return the date YYYY-MM-DD within {@link #MAX_YEARS} years of today; refused when absent or otherwise */
    public LocalDate date(String field) {
        String text = text(field, 10);
        LocalDate today = LocalDate.now(ZoneOffset.UTC); // a bound of a century: the zone of its "today" does not matter
        try {
            LocalDate d = LocalDate.parse(text);
            if (text.matches("\\d{4}-\\d{2}-\\d{2}") && !d.isBefore(today.minusYears(MAX_YEARS)) && !d.isAfter(today.plusYears(MAX_YEARS))) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw invalid(field, "应为前后 " + MAX_YEARS + " 年内的日期，如 " + today + " (must be a date like " + today + " within "
                + MAX_YEARS + " years of today)");
    }

    /** @return the string map of an object field (e.g. form fields); empty when absent */
    public Map<String, String> textMap(String field, int maxKey, int maxValue) {
        if (!json.containsKey(field)) {
            return Map.of();
        }
        if (!(json.getValue(field) instanceof JsonObject o) || o.size() > MAX_ITEMS) {
            throw invalid(field, "应为至多 " + MAX_ITEMS + " 项的对象 {\"名称\": \"值\"} (must be an object of at most " + MAX_ITEMS
                    + " string values)");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : o) {
            String at = field + "." + e.getKey();
            if (e.getKey().length() > maxKey) {
                throw invalid(field, "名称最长 " + maxKey + " 个字符 (names are at most " + maxKey + " characters)");
            }
            if (!(e.getValue() instanceof String s) || s.length() > maxValue) {
                throw invalid(at, "应为最长 " + maxValue + " 个字符的字符串 (must be a string of at most " + maxValue + " characters)");
            }
            out.put(e.getKey(), s);
        }
        return out;
    }

    /** @return the field's full name in the body, e.g. {@code applicant.agent.phone} */
    public String path(String field) {
        return name(field);
    }

    private String name(String field) {
        return prefix + field;
    }

    private FieldProblem invalid(String field, String what) {
        return new FieldProblem(code == null ? "invalid-field" : code, name(field), "“" + Problems.echo(name(field)) + "” " + what);
    }

    /** A refused field: a 400 problem whose document names the field in {@code field}. */
    public static final class FieldProblem extends ProblemException {

        private static final long serialVersionUID = 1L;

        public FieldProblem(String code, String field, String detail) {
            this(400, "Bad request", code, field, detail);
        }

        /** A problem of another status that names the request's part at fault (e.g. 404 {@code unknown-hall}, field {@code hall}). */
        public FieldProblem(int status, String title, String code, String field, String detail) {
            super(status, code, title, detail, field);
        }
    }
}
