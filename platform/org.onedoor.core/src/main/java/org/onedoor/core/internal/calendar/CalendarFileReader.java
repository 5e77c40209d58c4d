package org.onedoor.core.internal.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.onedoor.api.calendar.CalendarAdmin;
import org.onedoor.api.calendar.CalendarYear;
import org.onedoor.api.calendar.Holiday;
import org.onedoor.api.calendar.InvalidCalendarFileException;
import org.onedoor.api.calendar.MakeUpWorkday;
import org.onedoor.core.internal.calendar.CalendarFileRules.HolidayEntry;
import org.onedoor.core.internal.calendar.CalendarFileRules.MakeUpEntry;

/**
 * Reads a calendar year file (JSON; format in {@code docs/calendar.md}) into a {@link CalendarYear},
 * or refuses it with every problem found, each naming its line and field. Stateless and thread-safe.
 */
final class CalendarFileReader {

    static final int MIN_YEAR = 1000;
    static final int MAX_YEAR = 9999;
    static final int MAX_NAME_LENGTH = 40;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FILE_FIELDS = Set.of("year", "notice", "holidays", "makeUpWorkdays");
    private static final Set<String> HOLIDAY_FIELDS = Set.of("name", "from", "to");
    private static final Set<String> MAKE_UP_FIELDS = Set.of("date", "holiday");

    private CalendarFileReader() {
    }

    /**
     * @param content the file's text
     * @param source  the file's name or origin, for messages
     * @return the year the file describes
     * @throws InvalidCalendarFileException with every problem found
     */
    static CalendarYear read(String content, String source) {
        JsonNode root = parse(content, source);
        JsonLines lines;
        try {
            lines = JsonLines.of(content);
        } catch (IOException e) {
            throw new InvalidCalendarFileException(source, List.of("not JSON: " + e.getMessage()));
        }
        ProblemList problems = new ProblemList(source, lines);
        if (!root.isObject()) {
            problems.add("", "the file must be one JSON object {\"year\": ..., \"holidays\": [...], \"makeUpWorkdays\": [...]}");
            problems.throwIfAny();
        }
        unknownFields(root, "", FILE_FIELDS, problems);
        Integer year = year(root.get("year"), problems);
        String notice = optionalText(root, "", "notice", 500, problems);
        List<HolidayEntry> holidays = new ArrayList<>();
        for (JsonNode item : array(root, "holidays", true, problems)) {
            String at = "/holidays/" + holidays.size();
            holidays.add(holiday(item, at, problems));
        }
        List<MakeUpEntry> makeUps = new ArrayList<>();
        for (JsonNode item : array(root, "makeUpWorkdays", false, problems)) {
            String at = "/makeUpWorkdays/" + makeUps.size();
            makeUps.add(makeUp(item, at, problems));
        }
        if (year != null) {
            CalendarFileRules.check(year, holidays.stream().filter(Objects::nonNull).toList(),
                    makeUps.stream().filter(Objects::nonNull).toList(), problems);
        }
        problems.throwIfAny();
        List<Holiday> days = new ArrayList<>();
        for (HolidayEntry h : holidays) {
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                days.add(new Holiday(d, h.name()));
            }
        }
        return new CalendarYear(year, notice, days,
                makeUps.stream().map(m -> new MakeUpWorkday(m.date(), m.holiday())).toList());
    }

    private static JsonNode parse(String content, String source) {
        if (content.getBytes(StandardCharsets.UTF_8).length > CalendarAdmin.MAX_FILE_BYTES) {
            throw new InvalidCalendarFileException(source, List.of("the file is larger than "
                    + CalendarAdmin.MAX_FILE_BYTES / 1024 + " KiB; a calendar year file is a few KiB"));
        }
        if (content.isBlank()) {
            throw new InvalidCalendarFileException(source, List.of("the file is empty"));
        }
        try {
            return JSON.readTree(content);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
            throw new InvalidCalendarFileException(source, List.of(where + "not valid JSON: " + e.getOriginalMessage()));
        }
    }

    private static Integer year(JsonNode node, ProblemList problems) {
        if (node == null) {
            problems.add("", "\"year\" is missing; give the year the file describes, e.g. \"year\": 2027");
            return null;
        }
        if (!node.isIntegralNumber() || node.asLong() < MIN_YEAR || node.asLong() > MAX_YEAR) {
            problems.add("/year", "the year must be a four-digit number such as 2027, was " + node);
            return null;
        }
        return node.asInt();
    }

    private static Iterable<JsonNode> array(JsonNode root, String field, boolean nonEmpty, ProblemList problems) {
        JsonNode node = root.get(field);
        if (node == null) {
            problems.add("", "\"" + field + "\" is missing; give it as a list [...]" + (nonEmpty ? "" : ", [] when there is none"));
            return List.of();
        }
        if (!node.isArray()) {
            problems.add("/" + field, "\"" + field + "\" must be a list [...], was " + node.getNodeType().name().toLowerCase());
            return List.of();
        }
        if (nonEmpty && node.isEmpty()) {
            problems.add("/" + field, "the list is empty; list the year's holidays as the State Council notice gives them");
        }
        return node;
    }

    private static HolidayEntry holiday(JsonNode item, String at, ProblemList problems) {
        if (!item.isObject()) {
            problems.add(at, "a holiday must be an object {\"name\": \"春节\", \"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}");
            return null;
        }
        unknownFields(item, at, HOLIDAY_FIELDS, problems);
        String name = requiredText(item, at, "name", problems);
        LocalDate from = date(item, at, "from", problems);
        LocalDate to = item.has("to") ? date(item, at, "to", problems) : from;
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(at + "/to", "ends (" + to + ") before it starts (" + from + ")");
            return null;
        }
        return name == null || from == null || to == null ? null : new HolidayEntry(name, from, to, at);
    }

    private static MakeUpEntry makeUp(JsonNode item, String at, ProblemList problems) {
        if (!item.isObject()) {
            problems.add(at, "a make-up working day must be an object {\"date\": \"YYYY-MM-DD\", \"holiday\": \"春节\"}");
            return null;
        }
        unknownFields(item, at, MAKE_UP_FIELDS, problems);
        LocalDate date = date(item, at, "date", problems);
        String holiday = requiredText(item, at, "holiday", problems);
        return date == null || holiday == null ? null : new MakeUpEntry(date, holiday, at);
    }

    private static void unknownFields(JsonNode object, String at, Set<String> known, ProblemList problems) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!known.contains(name)) {
                problems.add(at + "/" + name, "unknown field \"" + name + "\"; the fields here are "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static String requiredText(JsonNode object, String at, String field, ProblemList problems) {
        JsonNode node = object.get(field);
        if (node == null) {
            problems.add(at, "\"" + field + "\" is missing");
            return null;
        }
        return text(node, at + "/" + field, MAX_NAME_LENGTH, problems);
    }

    private static String optionalText(JsonNode object, String at, String field, int maxLength, ProblemList problems) {
        JsonNode node = object.get(field);
        if (node == null) {
            return "";
        }
        String text = text(node, at + "/" + field, maxLength, problems);
        return text == null ? "" : text;
    }

    private static String text(JsonNode node, String pointer, int maxLength, ProblemList problems) {
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(pointer, "must be a non-empty text, was " + node);
            return null;
        }
        String text = node.asText().strip();
        if (text.codePointCount(0, text.length()) > maxLength) {
            problems.add(pointer, "is longer than " + maxLength + " characters");
            return null;
        }
        return text;
    }

    private static LocalDate date(JsonNode object, String at, String field, ProblemList problems) {
        JsonNode node = object.get(field);
        if (node == null) {
            problems.add(at, "\"" + field + "\" is missing; give it as \"YYYY-MM-DD\"");
            return null;
        }
        try {
            if (node.isTextual() && node.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(node.asText());
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        problems.add(at + "/" + field, node + " is not a date; write \"YYYY-MM-DD\", e.g. \"2026-02-15\"");
        return null;
    }
}
