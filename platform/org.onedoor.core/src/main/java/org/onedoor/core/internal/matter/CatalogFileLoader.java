package org.onedoor.core.internal.matter;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.matter.CatalogLoader;
import org.onedoor.api.matter.LoadedCatalog;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterSource;
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
 */
@Component(service = CatalogLoader.class)
public final class CatalogFileLoader implements CatalogLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogFileLoader.class);

    private final DataSource dataSource;
    private final DepartmentDirectory departments;
    private final MatterCatalog catalog;
    private final BundleContext context;
    private final Map<String, ServiceRegistration<MatterSource>> registrations = new ConcurrentHashMap<>();

    @Activate
    public CatalogFileLoader(@Reference(target = "(onedoor.datasource=hall)") DataSource dataSource,
            @Reference DepartmentDirectory departments, @Reference MatterCatalog catalog, BundleContext context) {
        this.dataSource = dataSource;
        this.departments = departments;
        this.catalog = catalog;
        this.context = context;
        for (Stored stored : readAll()) {
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
        String content = new String(bytes, StandardCharsets.UTF_8);
        List<Matter> matters = parse(name, content);
        Set<String> ownCodes = new TreeSet<>();
        Optional.ofNullable(registrations.get(name)).ifPresent(r -> matters(r).forEach(m -> ownCodes.add(m.code())));
        for (Matter m : matters) {
            if (catalog.matter(m.code()).isPresent() && !ownCodes.contains(m.code())) {
                throw new IllegalArgumentException(name + ": matter " + m.code()
                        + " is already offered by another source; give new matters new codes");
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store(name, content, matters.size(), actor, now);
        offer(name, matters);
        LOG.info("Catalog file {} loaded by {}: {} matters", name, actor, matters.size());
        return new LoadedCatalog(name, matters.size(), actor, now);
    }

    @Override
    public synchronized boolean unload(String name) {
        boolean removed;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM catalog_file WHERE name = ?")) {
            ps.setString(1, name);
            removed = ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove catalog file " + name + ": " + e.getMessage(), e);
        }
        ServiceRegistration<MatterSource> registration = registrations.remove(name);
        if (registration != null) {
            unregisterQuietly(registration);
        }
        return removed;
    }

    @Override
    public List<LoadedCatalog> loaded() {
        List<LoadedCatalog> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT name, matters, loaded_by, loaded_at FROM catalog_file ORDER BY name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new LoadedCatalog(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the loaded catalog files: " + e.getMessage(), e);
        }
        return result;
    }

    private List<Matter> parse(String name, String content) {
        return CatalogFileCodec.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), name,
                unit -> departments.department(unit).map(Department::zoneId).orElse(null));
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

    private void store(String name, String content, int count, String actor, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM catalog_file WHERE name = ?");
                    PreparedStatement ins = c.prepareStatement(
                            "INSERT INTO catalog_file (name, content, matters, loaded_by, loaded_at) VALUES (?, ?, ?, ?, ?)")) {
                del.setString(1, name);
                del.executeUpdate();
                ins.setString(1, name);
                ins.setString(2, content);
                ins.setInt(3, count);
                ins.setString(4, actor);
                ins.setTimestamp(5, Timestamp.from(at));
                ins.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot keep catalog file " + name + ": " + e.getMessage(), e);
        }
    }

    private record Stored(String name, String content) {
    }

    private List<Stored> readAll() {
        List<Stored> stored = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT name, content FROM catalog_file ORDER BY name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stored.add(new Stored(rs.getString(1), rs.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the loaded catalog files: " + e.getMessage(), e);
        }
        return stored;
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
