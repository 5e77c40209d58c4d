package org.onedoor.core.internal.matter;

import java.io.InputStream;
import java.net.URL;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog extender: for every active bundle whose manifest names a catalog file in
 * {@value MatterSource#CATALOG_HEADER}, reads the file and registers a {@link MatterSource} in
 * that bundle's name (so the catalog's ownership rule applies to the bundle). A file with any
 * bad entry registers nothing and is logged with the reason.
 */
@Component(immediate = true, service = {})
public final class CatalogExtender implements BundleTrackerCustomizer<ServiceRegistration<MatterSource>> {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogExtender.class);

    private final DepartmentDirectory departments;
    private final BundleTracker<ServiceRegistration<MatterSource>> tracker;

    @Activate
    public CatalogExtender(BundleContext context, @Reference DepartmentDirectory departments) {
        this.departments = departments;
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    @Override
    public ServiceRegistration<MatterSource> addingBundle(Bundle bundle, BundleEvent event) {
        String path = bundle.getHeaders().get(MatterSource.CATALOG_HEADER);
        if (path == null || path.isBlank()) {
            return null;
        }
        String origin = bundle.getSymbolicName() + "!/" + path.trim();
        URL entry = bundle.getEntry(path.trim());
        if (entry == null) {
            LOG.error("Catalog file {} is missing from its bundle; no matters registered", origin);
            return null;
        }
        List<Matter> matters;
        try (InputStream in = entry.openStream()) {
            matters = CatalogFileCodec.read(in, origin, unit -> departments.department(unit).map(Department::zoneId).orElse(null));
        } catch (Exception e) {
            LOG.error("Catalog file refused, no matters registered: {}", e.getMessage());
            return null;
        }
        BundleContext owner = bundle.getBundleContext();
        if (owner == null) {
            return null;
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(MatterSource.CATALOG_HEADER, path.trim());
        return owner.registerService(MatterSource.class, new FileMatterSource(origin, List.copyOf(matters)), props);
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<MatterSource> registration) {
        // an active bundle's files do not change without a stop and start
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<MatterSource> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
    }

    /** The matters of one catalog file. */
    private record FileMatterSource(String origin, List<Matter> matters) implements MatterSource {
    }
}
