package org.onedoor.core.internal.matter;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.matter.CatalogLoader;
import org.onedoor.api.matter.LoadedCatalog;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterSource;
import org.onedoor.core.internal.matter.CatalogFileStore.Stored;
import org.onedoor.store.HallDatabase;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalog files loaded by an operator: checked whole, kept in the store (table
 * {@code catalog_file}), and offered as matter sources of the core, re-offered at every start.
 * A file is either a catalog file ({@code onedoor-catalog/1} JSON) or a unit's catalog
 * spreadsheet (.xlsx, told by its content); a spreadsheet is kept as the JSON catalog file it
 * reads as. A described matter may take the code of a numbered slot, which it then replaces.
 */
@Component(service = CatalogLoader.class)
public final class CatalogFileLoader implements CatalogLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogFileLoader.class);

    private final CatalogFileStore files;
    private final DepartmentDirectory departments;
    private final MatterCatalog catalog;
    private final BundleContext context;
    private final Map<String, ServiceRegistration<MatterSource>> registrations = new ConcurrentHashMap<>();

    @Activate
    public CatalogFileLoader(@Reference HallDatabase database,
            @Reference DepartmentDirectory departments, @Reference MatterCatalog catalog, BundleContext context) {
        this.files = new CatalogFileStore(database);
        this.departments = departments;
        this.catalog = catalog;
        this.context = context;
        for (Stored stored : files.readAll()) {
            try {
                offer(stored.name(), parse(stored.name(), stored.content()));
            } catch (IllegalArgumentException e) {
                LOG.error("Catalog file {} kept in the store no longer loads and is not offered: {}", stored.name(), e.getMessage());
            }
        }
    }

    @Deactivate
    void close() {
        registrations.values().forEach(CatalogFileLoader::unregisterQuietly);
        registrations.clear();
    }

    @Override
    public synchronized LoadedCatalog load(String name, byte[] bytes, String actor) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,128}")) {
            throw new IllegalArgumentException("catalog name must be 1-128 letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        List<Matter> matters;
        String content;
        if (XlsxCatalogReader.looksLikeXlsx(bytes)) {
            // a spreadsheet is kept as the catalog file it reads as, so that the store holds one format
            matters = XlsxCatalogReader.read(bytes, name, this::zoneOf);
            content = CatalogFileCodec.write(matters);
        } else {
            content = new String(bytes, StandardCharsets.UTF_8);
            matters = parse(name, content);
        }
        Set<String> ownCodes = new TreeSet<>();
        Optional.ofNullable(registrations.get(name)).ifPresent(r -> matters(r).forEach(m -> ownCodes.add(m.code())));
        for (Matter m : matters) {
            Optional<Matter> offered = catalog.matter(m.code());
            // a described matter takes the place of a numbered slot of the same code; nothing else is replaced
            if (offered.isPresent() && !ownCodes.contains(m.code()) && offered.get().slot() == m.slot()) {
                throw new IllegalArgumentException(name + ": matter " + m.code()
                        + " is already offered by another source; give new matters new codes");
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        files.keep(name, content, matters.size(), actor, now);
        offer(name, matters);
        LOG.info("Catalog file {} loaded by {}: {} matters", name, actor, matters.size());
        return new LoadedCatalog(name, matters.size(), actor, now);
    }

    @Override
    public synchronized boolean unload(String name) {
        boolean removed = files.remove(name);
        ServiceRegistration<MatterSource> registration = registrations.remove(name);
        if (registration != null) {
            unregisterQuietly(registration);
        }
        return removed;
    }

    @Override
    public List<LoadedCatalog> loaded() {
        return files.loaded();
    }

    private List<Matter> parse(String name, String content) {
        return CatalogFileCodec.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), name, this::zoneOf);
    }

    private String zoneOf(String unit) {
        return departments.department(unit).map(Department::zoneId).orElse(null);
    }

    private void offer(String name, List<Matter> matters) {
        Set<String> units = new TreeSet<>();
        matters.forEach(m -> units.add(m.departmentId()));
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(BundleDepartments.OWN_SOURCE_PROPERTY, String.join(",", units));
        ServiceRegistration<MatterSource> previous = registrations.remove(name);
        if (previous != null) {
            unregisterQuietly(previous);
        }
        registrations.put(name,
                context.registerService(MatterSource.class, new LoadedSource("loaded catalog " + name, List.copyOf(matters)), props));
    }

    private List<Matter> matters(ServiceRegistration<MatterSource> registration) {
        try {
            return context.getService(registration.getReference()).matters();
        } finally {
            context.ungetService(registration.getReference());
        }
    }

    private static void unregisterQuietly(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // unregistered with the bundle
        }
    }

    /** The matters of one loaded file. */
    private record LoadedSource(String origin, List<Matter> matters) implements MatterSource {
    }
}
