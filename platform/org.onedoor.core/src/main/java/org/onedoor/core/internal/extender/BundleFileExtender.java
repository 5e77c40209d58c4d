package org.onedoor.core.internal.extender;

import java.io.InputStream;
import java.net.URL;
import java.util.Dictionary;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extender pattern for data bundles: for every active bundle whose manifest names a file in a
 * given header, reads the file and registers a service made from it in that bundle's name, so the
 * service lives exactly as long as the bundle is active. A file that cannot be read registers
 * nothing and is logged with the reason.
 *
 * @param <S> the service type registered for each bundle
 */
public final class BundleFileExtender<S> implements BundleTrackerCustomizer<ServiceRegistration<S>> {

    /** Turns a bundle's file into the service to register, or throws with a message naming the problem. */
    public interface Reader<S> {
        /**
         * @param in     the file
         * @param origin the bundle and path, for messages
         */
        S read(InputStream in, String origin) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(BundleFileExtender.class);

    private final String header;
    private final Class<S> type;
    private final Reader<S> reader;
    private final Function<S, Dictionary<String, Object>> properties;
    private final BundleTracker<ServiceRegistration<S>> tracker;

    /**
     * @param context    the extender's bundle context
     * @param header     the manifest header naming the file
     * @param type       the service type
     * @param reader     reads the file into the service
     * @param properties the service properties of a read service
     */
    public BundleFileExtender(BundleContext context, String header, Class<S> type, Reader<S> reader,
            Function<S, Dictionary<String, Object>> properties) {
        this.header = header;
        this.type = type;
        this.reader = reader;
        this.properties = properties;
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
    }

    /** Starts following bundles. */
    public void open() {
        tracker.open();
    }

    /** Stops following bundles and unregisters what was registered. */
    public void close() {
        tracker.close();
    }

    @Override
    public ServiceRegistration<S> addingBundle(Bundle bundle, BundleEvent event) {
        String path = bundle.getHeaders().get(header);
        if (path == null || path.isBlank()) {
            return null;
        }
        String origin = bundle.getSymbolicName() + "!/" + path.trim();
        URL entry = bundle.getEntry(path.trim());
        if (entry == null) {
            LOG.error("{} names {} in its {} header, but the bundle has no such file; nothing registered",
                    bundle.getSymbolicName(), path.trim(), header);
            return null;
        }
        S service;
        try (InputStream in = entry.openStream()) {
            service = reader.read(in, origin);
        } catch (Exception e) {
            LOG.error("{} of bundle {} refused, nothing registered: {}", header, bundle.getSymbolicName(), e.getMessage());
            return null;
        }
        BundleContext owner = bundle.getBundleContext();
        return owner == null ? null : owner.registerService(type, service, properties.apply(service));
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<S> registration) {
        // an active bundle's files do not change without a stop and start
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<S> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
    }
}
