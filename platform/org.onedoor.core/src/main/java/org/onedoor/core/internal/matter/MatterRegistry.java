package org.onedoor.core.internal.matter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterQuery;
import org.onedoor.api.matter.MatterSource;
import org.onedoor.api.matter.MatterValidator;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.onedoor.core.internal.plugin.PluginTrust;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall's matter catalog: follows {@link MatterSource} and {@link MatterValidator} services,
 * accepts only those of the department their bundle speaks for, stamps each matter with its
 * revision, and lays the adjustments in force over them.
 */
@Component(service = {MatterCatalog.class, CatalogOverlay.class})
public final class MatterRegistry implements MatterCatalog, CatalogOverlay {

    private static final Logger LOG = LoggerFactory.getLogger(MatterRegistry.class);

    private final CatalogState state = new CatalogState();
    private final PluginTrust trust;

    /** A catalog that trusts every bundle (tests without a framework). */
    MatterRegistry() {
        this(bundle -> true);
    }

    /** @param trust which department plug-ins may contribute: matters and validators of a refused one are ignored */
    @Activate
    public MatterRegistry(@Reference PluginTrust trust) {
        this.trust = trust;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(MatterSource source, ServiceReference<MatterSource> reference) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return;
        }
        if (!trust.trusted(bundle)) {
            LOG.error("Catalog: ignored the matters of {}: its plug-in {} is not signed with its department's registered key",
                    source.origin(), bundle.getSymbolicName());
            return;
        }
        List<Matter> stamped = new ArrayList<>();
        String version = bundle.getSymbolicName() + "/" + bundle.getVersion();
        for (Matter m : source.matters()) {
            stamped.add(Revisions.stamp(m, version));
        }
        CatalogState.Outcome outcome = offer(reference, source.origin(), BundleDepartments.of(reference), stamped);
        if (outcome.accepted()) {
            LOG.info("Catalog: {} matters of {} are offered", stamped.size(), source.origin());
        } else {
            LOG.error("Catalog: refused the matters of {} (bundle {}): {}; nothing of it is registered",
                    source.origin(), bundle.getSymbolicName(), outcome.refusal());
        }
    }

    /** Offers matters under a key; what {@link #addSource} does once it knows the bundle. */
    CatalogState.Outcome offer(Object key, String origin, Set<String> departments, List<Matter> matters) {
        return state.offer(key, origin, departments, matters);
    }

    void removeSource(MatterSource source, ServiceReference<MatterSource> reference) {
        state.withdraw(reference);
        LOG.info("Catalog: the matters of {} are withdrawn", source.origin());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addValidator(MatterValidator validator, ServiceReference<MatterValidator> reference) {
        Bundle bundle = reference.getBundle();
        if (bundle != null && !trust.trusted(bundle)) {
            LOG.error("Catalog: ignored a validator of {}: the plug-in is not signed with its department's registered key", bundle.getSymbolicName());
            return;
        }
        CatalogState.Outcome outcome = state.offerValidator(reference, BundleDepartments.of(reference), validator);
        if (!outcome.accepted()) {
            LOG.error("Catalog: refused a validator of bundle {}: {}", bundle == null ? "?" : bundle.getSymbolicName(),
                    outcome.refusal());
        }
    }

    void removeValidator(MatterValidator validator, ServiceReference<MatterValidator> reference) {
        state.withdrawValidator(reference);
    }

    @Override
    public void overlay(Collection<Matter> replacing, Set<String> cancelled) {
        state.overlay(replacing, cancelled);
        LOG.info("Catalog: {} adjusted and {} cancelled matter(s) in force", replacing.size(), cancelled.size());
    }

    @Override
    public List<Matter> matters(MatterQuery query) {
        return state.matters(query);
    }

    @Override
    public Optional<Matter> matter(String code) {
        return state.matter(code);
    }

    @Override
    public Map<String, Integer> countsByDepartment() {
        return state.counts();
    }

    @Override
    public List<String> validate(String code, Map<String, String> fields) {
        return state.validate(code, fields);
    }

    @Override
    public List<org.onedoor.api.matter.ApplicationProblem> check(String code, Map<String, String> fields) {
        return state.check(code, fields);
    }
}
