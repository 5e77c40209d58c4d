package org.onedoor.core.internal.matter;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterSource;
import org.onedoor.core.internal.extender.BundleFileExtender;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The catalog extender: for every active bundle whose manifest names a catalog file in
 * {@value MatterSource#CATALOG_HEADER}, reads the file and registers a {@link MatterSource} in
 * that bundle's name (so the catalog's ownership rule applies to the bundle). A file with any
 * bad entry registers nothing and is logged with the reason.
 */
@Component(immediate = true, service = {})
public final class CatalogExtender {

    private final BundleFileExtender<MatterSource> extender;

    @Activate
    public CatalogExtender(BundleContext context, @Reference DepartmentDirectory departments) {
        this.extender = new BundleFileExtender<>(context, MatterSource.CATALOG_HEADER, MatterSource.class,
                (in, origin) -> new FileMatterSource(origin, List.copyOf(CatalogFileCodec.read(in, origin,
                        unit -> departments.department(unit).map(Department::zoneId).orElse(null)))),
                source -> {
                    Dictionary<String, Object> props = new Hashtable<>();
                    props.put(MatterSource.CATALOG_HEADER, source.origin());
                    return props;
                });
        extender.open();
    }

    @Deactivate
    void close() {
        extender.close();
    }

    /** The matters of one catalog file. */
    private record FileMatterSource(String origin, List<Matter> matters) implements MatterSource {
    }
}
