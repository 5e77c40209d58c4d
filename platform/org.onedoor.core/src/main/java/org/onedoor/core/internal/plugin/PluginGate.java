package org.onedoor.core.internal.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.matter.MatterSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate of department plug-ins (bundles with a {@value MatterSource#DEPARTMENT_HEADER} header):
 * checks each one's signature when it is installed or updated, and a resolver hook keeps a refused
 * one from ever resolving, so it cannot start and registers nothing. Each refusal is logged and
 * recorded in the audit trail ({@code plugin-refused}); each accepted install too ({@code plugin-install}).
 * Plug-ins already running when the gate starts (installed before it) are checked then, and a
 * refused one is stopped and unresolved.
 */
@Component(immediate = true, service = PluginTrust.class, configurationPid = "org.onedoor.plugins",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PluginTrustConfig.class)
public final class PluginGate implements PluginTrust, ResolverHookFactory, SynchronousBundleListener {

    private static final Logger LOG = LoggerFactory.getLogger(PluginGate.class);

    private final BundleContext context;
    private final AuditTrail audit;
    private final boolean required;
    private final DepartmentKeys keys;
    private final Map<Long, Checked> verdicts = new ConcurrentHashMap<>();
    private final ServiceRegistration<ResolverHookFactory> hook;

    /** A verdict for one state of a bundle. */
    private record Checked(long lastModified, Verdict verdict) {
    }

    @Activate
    public PluginGate(BundleContext context, @Reference AuditTrail audit, PluginTrustConfig config) {
        this.context = context;
        this.audit = audit;
        this.required = config.requireSignedPlugins();
        String etc = System.getProperty("karaf.etc", "etc");
        this.keys = new DepartmentKeys(config.trustFolder().isBlank() ? Path.of(etc, "onedoor-trust") : Path.of(config.trustFolder()));
        if (!required) {
            LOG.warn("OneDoor plug-ins: requireSignedPlugins=false: unsigned department plug-ins are allowed. For development only.");
        }
        this.hook = context.registerService(ResolverHookFactory.class, this, null);
        context.addBundleListener(this);
        List<Bundle> stop = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (isPlugin(b)) {
                Verdict v = verdict(b);
                if (!trusted(v)) {
                    refuse(b, v);
                    if ((b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                        stop.add(b);
                    }
                }
            }
        }
        unresolve(stop);
    }

    @Deactivate
    void close() {
        context.removeBundleListener(this);
        hook.unregister();
    }

    @Override
    public boolean trusted(Bundle bundle) {
        return !isPlugin(bundle) || trusted(verdict(bundle));
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle b = event.getBundle();
        switch (event.getType()) {
            case BundleEvent.INSTALLED, BundleEvent.UPDATED -> {
                if (isPlugin(b)) {
                    Verdict v = verdict(b);
                    if (trusted(v)) {
                        record(b, "plugin-install", AuditEvent.SUCCESS, v.reason() + (v.trusted() ? "" : " (allowed: requireSignedPlugins=false)"));
                        LOG.info("OneDoor plug-ins: {} accepted for department(s) {}: {}", b.getSymbolicName(), v.departments(), v.reason());
                    } else {
                        refuse(b, v);
                    }
                }
            }
            case BundleEvent.UNINSTALLED -> verdicts.remove(b.getBundleId());
            default -> {
            }
        }
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                candidates.removeIf(r -> r.getBundle() != null && !trusted(r.getBundle()));
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
                // no say in singletons
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                // no say in wiring
            }

            @Override
            public void end() {
                // nothing held
            }
        };
    }

    private boolean trusted(Verdict v) {
        return v.trusted() || !required;
    }

    private Verdict verdict(Bundle b) {
        long modified = b.getLastModified();
        Checked known = verdicts.get(b.getBundleId());
        if (known != null && known.lastModified() == modified) {
            return known.verdict();
        }
        Verdict v;
        try {
            v = PluginSignatureCheck.check(PluginJar.of(b), keys::of, keys.hall());
        } catch (Exception e) {
            v = Verdict.refused(java.util.Set.of(), "", "its files cannot be read: " + e.getMessage());
        }
        verdicts.put(b.getBundleId(), new Checked(modified, v));
        return v;
    }

    private void refuse(Bundle b, Verdict v) {
        LOG.error("OneDoor plug-ins: REFUSED {} {} (bundle {}) for department(s) {}: {}. It is not resolved and registers nothing;"
                + " sign it with the key registered for its department in {} (docs/security.md, \"Trusted department plug-ins\").",
                b.getSymbolicName(), b.getVersion(), b.getBundleId(), v.departments(), v.reason(), keys.folder());
        record(b, "plugin-refused", AuditEvent.REFUSED, v.reason());
    }

    private void record(Bundle b, String action, String outcome, String detail) {
        try {
            audit.record(new AuditEvent(action, "system", b.getLocation(), b.getSymbolicName() + "/" + b.getVersion(), outcome,
                    "departments " + String.join(",", verdict(b).departments()) + ": " + detail));
        } catch (RuntimeException e) {
            LOG.error("OneDoor plug-ins: cannot record {} of {} in the audit trail: {}", action, b.getSymbolicName(), e.getMessage());
        }
    }

    private void unresolve(List<Bundle> refused) {
        for (Bundle b : refused) {
            try {
                b.stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.error("OneDoor plug-ins: cannot stop the refused plug-in {}: {}", b.getSymbolicName(), e.getMessage());
            }
        }
        if (!refused.isEmpty()) {
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(refused);
        }
    }

    private static boolean isPlugin(Bundle b) {
        String header = b.getHeaders("").get(MatterSource.DEPARTMENT_HEADER);
        return header != null && !header.isBlank();
    }
}
