package org.onedoor.core.internal.matter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onedoor.api.matter.Material;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.OneThing;
import org.onedoor.api.matter.OneThings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The hall's "one thing" bundles (R11) from the shipped file {@value #RESOURCE} (format {@value #FORMAT}), each read
 * against the matters the catalog offers now: which departments it combines, which materials two or more of its
 * matters ask for (asked once), whether every matter is offered, how many are numbered slots.
 */
@Component(service = OneThings.class)
public final class OneThingCatalog implements OneThings {

    static final String RESOURCE = "/hall/one-things.json";
    static final String FORMAT = "onedoor-one-things/1";

    /** An entry as the file states it. */
    public record Entry(String code, String nameZh, String nameEn, List<String> matters, boolean placeholder, String note) {
    }

    private final MatterCatalog catalog;
    private final List<Entry> entries;

    @Activate
    public OneThingCatalog(@Reference MatterCatalog catalog) {
        this(catalog, read(OneThingCatalog.class.getResourceAsStream(RESOURCE)));
    }

    public OneThingCatalog(MatterCatalog catalog, List<Entry> entries) {
        this.catalog = catalog;
        this.entries = List.copyOf(entries);
    }

    @Override
    public List<OneThing> oneThings() {
        return entries.stream().map(this::resolve).toList();
    }

    @Override
    public Optional<OneThing> oneThing(String code) {
        String wanted = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        return entries.stream().filter(e -> e.code().equals(wanted)).findFirst().map(this::resolve);
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
