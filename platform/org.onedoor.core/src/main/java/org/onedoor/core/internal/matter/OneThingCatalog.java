package org.onedoor.core.internal.matter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.matter.InvalidOneThingsException;
import org.onedoor.api.matter.Material;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.OneThing;
import org.onedoor.api.matter.OneThingList;
import org.onedoor.api.matter.OneThings;
import org.onedoor.api.matter.OneThingsAdmin;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.time.HallScheduler;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall's "one thing" bundles (R11): the list shipped as {@value #RESOURCE} (format {@value OneThingFile#FORMAT}),
 * or the one an operator loaded over it ({@link OneThingsAdmin}, kept in the hall database, table {@code one_thing_list},
 * so every node serves it: a node that did not load it takes it up within {@value #REFRESH_SECONDS} seconds). Each entry
 * is read against the matters the catalog offers now: which departments it combines, which materials two or more of
 * its matters ask for (asked once), whether every matter is offered, how many are numbered slots. Reads answer from
 * memory.
 */
@Component(service = {OneThings.class, OneThingsAdmin.class})
public final class OneThingCatalog implements OneThings, OneThingsAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(OneThingCatalog.class);
    static final String RESOURCE = "/hall/one-things.json";
    static final String FORMAT = OneThingFile.FORMAT;
    static final int REFRESH_SECONDS = 15;
    private static final OneThingList SHIPPED_LIST = new OneThingList(false, "", "", Optional.empty(), 0);

    /** An entry as the file states it. */
    public record Entry(String code, String nameZh, String nameEn, List<String> matters, boolean placeholder, String note) {
    }

    /** The entries served and where they come from. */
    private record Served(List<Entry> entries, OneThingList list) {
    }

    private final MatterCatalog catalog;
    private final List<Entry> shipped;
    private final HallDatabase database;
    private final AuditOutbox outbox;
    private final HallClock clock;
    private final ScheduledFuture<?> refresh;
    private volatile Served served;

    @Activate
    public OneThingCatalog(@Reference MatterCatalog catalog, @Reference HallDatabase database, @Reference AuditOutbox outbox,
            @Reference HallClock clock, @Reference HallScheduler scheduler) {
        this(catalog, read(OneThingCatalog.class.getResourceAsStream(RESOURCE)), database, outbox, clock, scheduler);
    }

    /** The shipped or given entries only, nothing loadable (tests of the bundles). */
    public OneThingCatalog(MatterCatalog catalog, List<Entry> entries) {
        this(catalog, entries, null, null, null, null);
    }

    OneThingCatalog(MatterCatalog catalog, List<Entry> entries, HallDatabase database, AuditOutbox outbox, HallClock clock,
            HallScheduler scheduler) {
        this.catalog = catalog;
        this.shipped = List.copyOf(entries);
        this.database = database;
        this.outbox = outbox;
        this.clock = clock;
        this.served = new Served(shipped, withCount(SHIPPED_LIST, shipped.size()));
        if (database != null) {
            refresh();
        }
        this.refresh = scheduler == null ? null : scheduler.every("one-thing list", Duration.ofSeconds(REFRESH_SECONDS), this::refreshQuietly);
    }

    @Deactivate
    void stop() {
        if (refresh != null) {
            refresh.cancel(false);
        }
    }

    @Override
    public List<OneThing> oneThings() {
        return served.entries().stream().map(this::resolve).toList();
    }

    @Override
    public Optional<OneThing> oneThing(String code) {
        String wanted = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        return served.entries().stream().filter(e -> e.code().equals(wanted)).findFirst().map(this::resolve);
    }

    @Override
    public OneThingList current() {
        return served.list();
    }

    @Override
    public OneThingList load(String content, String source, String actor) {
        requireStore();
        if (content == null || content.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_BYTES) {
            throw new InvalidOneThingsException(List.of("file: 至多 " + MAX_FILE_BYTES / 1024 + " KiB (at most " + MAX_FILE_BYTES / 1024 + " KiB)"));
        }
        List<Entry> entries = OneThingFile.parse(content, code -> catalog.matter(code).isPresent());
        String from = source == null || source.isBlank() ? "upload" : source.strip();
        String name = from.length() > 200 ? from.substring(0, 200) : from;
        Instant at = clock.now();
        AuditOutbox.Held held = database.inTransaction(h -> {
            h.createUpdate("DELETE FROM one_thing_list WHERE list_key = 'hall'").execute();
            h.createUpdate("INSERT INTO one_thing_list (list_key, content, source, loaded_by, loaded_at) VALUES ('hall', :content, :source,"
                    + " :by, :at)").bind("content", content).bind("source", name).bind("by", actor).bind("at", Timestamp.from(at)).execute();
            return outbox.hold(h, new AuditEvent("one-things-load", actor, "node", "one-things", AuditEvent.SUCCESS,
                    "载入“一件事”清单 " + name + "：" + entries.size() + " 项（" + String.join("、", entries.stream().map(Entry::code).toList()) + "）"));
        });
        outbox.deliver(held);
        served = new Served(List.copyOf(entries), new OneThingList(true, name, actor, Optional.of(at), entries.size()));
        LOG.info("OneDoor one-thing list {} loaded by {}: {} entries", name, actor, entries.size());
        return served.list();
    }

    @Override
    public OneThingList reset(String actor) {
        requireStore();
        AuditOutbox.Held held = database.inTransaction(h -> {
            int removed = h.createUpdate("DELETE FROM one_thing_list WHERE list_key = 'hall'").execute();
            return outbox.hold(h, new AuditEvent("one-things-reset", actor, "node", "one-things", AuditEvent.SUCCESS,
                    removed > 0 ? "恢复随核心发布的“一件事”清单（" + shipped.size() + " 项）" : "已是随核心发布的清单"));
        });
        outbox.deliver(held);
        served = new Served(shipped, withCount(SHIPPED_LIST, shipped.size()));
        return served.list();
    }

    /** Takes up a list loaded (or reset) on another node. */
    void refresh() {
        Optional<Served> stored = database.withHandle(h -> h.createQuery("SELECT content, source, loaded_by, loaded_at FROM one_thing_list"
                + " WHERE list_key = 'hall'").map((rs, ctx) -> {
                    Instant at = rs.getTimestamp("loaded_at").toInstant();
                    OneThingList now = served.list();
                    if (now.loaded() && now.loadedAt().equals(Optional.of(at))) {
                        return served;
                    }
                    // the catalog a node starts with may still miss a plug-in's matters: the stored list is taken as stored
                    List<Entry> entries = OneThingFile.parse(rs.getString("content"), code -> true);
                    return new Served(List.copyOf(entries), new OneThingList(true, rs.getString("source"), rs.getString("loaded_by"),
                            Optional.of(at), entries.size()));
                }).findOne());
        served = stored.orElseGet(() -> served.list().loaded() ? new Served(shipped, withCount(SHIPPED_LIST, shipped.size())) : served);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("The one-thing list could not be read from the hall database: {}", e.getMessage());
        }
    }

    private void requireStore() {
        if (database == null) {
            throw new IllegalStateException("this one-thing catalog has no hall database to keep a loaded list in");
        }
    }

    private static OneThingList withCount(OneThingList l, int count) {
        return new OneThingList(l.loaded(), l.source(), l.loadedBy(), l.loadedAt(), count);
    }

    private OneThing resolve(Entry e) {
        Set<String> departments = new LinkedHashSet<>();
        Map<String, Integer> asked = new LinkedHashMap<>();
        boolean available = true;
        int slots = 0;
        for (String code : e.matters()) {
            Optional<Matter> m = catalog.matter(code);
            departments.add(m.map(Matter::departmentId).orElse(code.substring(0, 3)));
            if (m.isEmpty()) {
                available = false;
                continue;
            }
            slots += m.get().slot() ? 1 : 0;
            m.get().materials().stream().map(Material::name).distinct().forEach(n -> asked.merge(n, 1, Integer::sum));
        }
        List<String> shared = asked.entrySet().stream().filter(a -> a.getValue() > 1).map(Map.Entry::getKey).toList();
        return new OneThing(e.code(), e.nameZh(), e.nameEn(), e.matters(), List.copyOf(departments), shared, available, slots,
                e.placeholder(), e.note());
    }

    /** Reads the file; a bad entry fails activation, naming it (the file ships with the core and is checked by its tests). */
    static List<Entry> read(InputStream in) {
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the core bundle");
        }
        try (in) {
            JsonNode root = new ObjectMapper().readTree(in);
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new IllegalArgumentException(RESOURCE + ": \"format\" must be \"" + FORMAT + "\"");
            }
            List<Entry> out = new ArrayList<>();
            for (JsonNode n : root.path("oneThings")) {
                List<String> matters = new ArrayList<>();
                n.path("matters").forEach(m -> matters.add(m.asText()));
                Entry e = new Entry(n.path("code").asText(), n.path("nameZh").asText(), n.path("nameEn").asText(), matters,
                        n.path("placeholder").asBoolean(true), n.path("note").asText());
                // the same checks an entry gets when it is read against the catalog
                new OneThing(e.code(), e.nameZh(), e.nameEn(), e.matters(), List.of(), List.of(), false, 0, e.placeholder(), e.note());
                out.add(e);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " cannot be read", e);
        }
    }
}
