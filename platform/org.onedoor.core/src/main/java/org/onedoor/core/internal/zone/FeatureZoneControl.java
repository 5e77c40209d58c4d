package org.onedoor.core.internal.zone;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.onedoor.api.zone.UnknownZoneException;
import org.onedoor.api.zone.ZoneControl;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.api.zone.ZoneState;
import org.onedoor.api.zone.ZoneSwitch;
import org.onedoor.api.zone.ZoneSwitchException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and closes zones through Karaf's feature service: a zone is the feature
 * {@code onedoor-zone-<id>}. Feature operations do not refresh unrelated bundles.
 */
@Component(service = ZoneControl.class)
public final class FeatureZoneControl implements ZoneControl {

    /** Prefix of every zone feature's name. */
    static final String FEATURE_PREFIX = "onedoor-zone-";

    private static final Logger LOG = LoggerFactory.getLogger(FeatureZoneControl.class);
    private static final long SETTLE_MILLIS = 10_000;

    private final FeaturesService features;
    private final ZoneDirectory zones;

    @Activate
    public FeatureZoneControl(@Reference FeaturesService features, @Reference ZoneDirectory zones) {
        this.features = features;
        this.zones = zones;
    }

    @Override
    public ZoneSwitch enable(String zoneId) {
        Feature feature = featureOf(zoneId);
        boolean changed = false;
        try {
            if (!features.isRequired(feature)) {
                LOG.info("Enabling zone {}: installing feature {}", zoneId, feature.getName());
                features.installFeature(feature.getName(), EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
                changed = true;
            }
        } catch (Exception e) {
            throw new ZoneSwitchException("could not install feature " + feature.getName() + ": " + e.getMessage(), e);
        }
        awaitState(() -> isOpen(zoneId));
        return new ZoneSwitch(zoneId, changed, isOpen(zoneId) ? ZoneState.OPEN : ZoneState.DISABLED);
    }

    @Override
    public ZoneSwitch disable(String zoneId) {
        Feature feature = featureOf(zoneId);
        boolean changed = false;
        try {
            if (features.isRequired(feature)) {
                LOG.info("Disabling zone {}: uninstalling feature {}", zoneId, feature.getName());
                features.uninstallFeature(feature.getName(), feature.getVersion(),
                        EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
                changed = true;
            } else if (features.isInstalled(feature)) {
                throw new ZoneSwitchException("zone " + zoneId + " is installed as part of another feature (e.g. onedoor-hall); "
                        + "install its zones one by one (feature:install onedoor-zone-" + zoneId + ") to switch them separately", null);
            }
        } catch (ZoneSwitchException e) {
            throw e;
        } catch (Exception e) {
            throw new ZoneSwitchException("could not uninstall feature " + feature.getName() + ": " + e.getMessage(), e);
        }
        awaitState(() -> !isOpen(zoneId));
        return new ZoneSwitch(zoneId, changed, isOpen(zoneId) ? ZoneState.OPEN : ZoneState.DISABLED);
    }

    @Override
    public List<String> availableZones() {
        List<String> ids = new ArrayList<>();
        try {
            for (Feature f : features.listFeatures()) {
                if (f.getName().startsWith(FEATURE_PREFIX) && !ids.contains(f.getName().substring(FEATURE_PREFIX.length()))) {
                    ids.add(f.getName().substring(FEATURE_PREFIX.length()));
                }
            }
        } catch (Exception e) {
            throw new ZoneSwitchException("could not list the zone features: " + e.getMessage(), e);
        }
        ids.sort(null);
        return ids;
    }

    private boolean isOpen(String zoneId) {
        return zones.zone(zoneId).map(s -> s.state() == ZoneState.OPEN).orElse(false);
    }

    private Feature featureOf(String zoneId) {
        if (zoneId == null || !zoneId.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new UnknownZoneException(String.valueOf(zoneId));
        }
        try {
            Feature feature = features.getFeature(FEATURE_PREFIX + zoneId);
            if (feature == null) {
                throw new UnknownZoneException(zoneId);
            }
            return feature;
        } catch (UnknownZoneException e) {
            throw e;
        } catch (Exception e) {
            throw new ZoneSwitchException("could not look up feature " + FEATURE_PREFIX + zoneId + ": " + e.getMessage(), e);
        }
    }

    /** The framework starts the zone bundle just after the feature operation returns; wait for it briefly. */
    private static void awaitState(BooleanSupplier reached) {
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        while (!reached.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
