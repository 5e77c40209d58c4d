package org.onedoor.core.internal.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.matter.MatterSource;
import org.onedoor.api.plugin.DepartmentPlugins;
import org.onedoor.api.plugin.PluginStatus;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
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
 * checks each one's signature when it is installed or updated; a resolver hook keeps a refused one
 * from resolving, so it cannot start and registers nothing, and the gate then uninstalls it. Each
 * refusal is logged and recorded in the audit trail ({@code plugin-refused}); each accepted
 * install too ({@code plugin-install}). Plug-ins installed before the gate started are checked
 * when it starts, and a refused one is uninstalled then.
 *
 * <p>Why uninstall rather than leave it unresolved: while a resolver hook filters a bundle out,
 * Felix 7.0.5 also drops every already-resolved provider from that resolve's candidates, so any
 * other bundle's resolve or dynamic import at that moment fails. A refused plug-in therefore
 * stays only for the instant between its install and the gate's asynchronous uninstall.
 */
@Component(immediate = true, service = {PluginTrust.class, DepartmentPlugins.class}, configurationPid = "org.onedoor.plugins",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PluginTrustConfig.class)
public final class PluginGate implements PluginTrust, DepartmentPlugins, ResolverHookFactory, SynchronousBundleListener {

    private static final Logger LOG = LoggerFactory.getLogger(PluginGate.class);

    private final BundleContext context;
    private final AuditTrail audit;
    private final boolean required;
    private final DepartmentKeys keys;
    private final Map<Long, Checked> verdicts = new ConcurrentHashMap<>();
    private final ServiceRegistration<ResolverHookFactory> hook;
    private final BundleListener remover = this::removeRefused;
    private final Deque<PluginStatus> removed = new ConcurrentLinkedDeque<>();
    /** Location and reason of the refusals already recorded, so a file offered again and again (deploy/) is recorded once. */
    private final Map<String, String> recorded = new ConcurrentHashMap<>();

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
        context.addBundleListener(remover);
        List<Bundle> refused = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (isPlugin(b)) {
                Verdict v = verdict(b);
                if (trusted(v)) {
                    LOG.info("OneDoor plug-ins: {} (installed before the gate started) accepted for department(s) {}: {}",
                            b.getSymbolicName(), v.departments(), v.reason());
                } else {
                    refuse(b, v);
                    refused.add(b);
                }
            }
        }
        refused.forEach(this::uninstall);
    }

    @Deactivate
    void close() {
        context.removeBundleListener(remover);
        context.removeBundleListener(this);
        hook.unregister();
    }

    @Override
    public boolean trusted(Bundle bundle) {
        return !isPlugin(bundle) || trusted(verdict(bundle));
    }

    @Override
    public List<PluginStatus> plugins() {
        List<PluginStatus> all = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (isPlugin(b)) {
                Verdict v = verdict(b);
                all.add(new PluginStatus(b.getBundleId(), b.getSymbolicName(), b.getVersion().toString(), v.departments(), state(b),
                        v.trusted(), v.signer(), v.reason()));
            }
        }
        all.addAll(removed);
        return all;
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle b = event.getBundle();
        switch (event.getType()) {
            case BundleEvent.INSTALLED, BundleEvent.UPDATED -> {
                if (isPlugin(b)) {
                    Verdict v = verdict(b);
                    if (trusted(v)) {
                        recorded.remove(b.getLocation());
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
        if (v.reason().equals(recorded.put(b.getLocation(), v.reason()))) {
            LOG.debug("OneDoor plug-ins: {} from {} refused again: {}", b.getSymbolicName(), b.getLocation(), v.reason());
            return;
        }
        while (recorded.size() > 200) {
            recorded.remove(recorded.keySet().iterator().next());
        }
        LOG.error("OneDoor plug-ins: REFUSED {} {} (bundle {}) for department(s) {}: {}. It is not resolved, registers nothing and is uninstalled;"
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

    /** Asynchronous bundle events: uninstalls a plug-in refused at install or update, off the installing thread. */
    private void removeRefused(BundleEvent event) {
        Bundle b = event.getBundle();
        if ((event.getType() == BundleEvent.INSTALLED || event.getType() == BundleEvent.UPDATED)
                && b.getState() != Bundle.UNINSTALLED && isPlugin(b) && !trusted(verdict(b))) {
            uninstall(b);
        }
    }

    private void uninstall(Bundle b) {
        Verdict v = verdict(b);
        PluginStatus gone = new PluginStatus(b.getBundleId(), b.getSymbolicName(), String.valueOf(b.getVersion()), v.departments(),
                "REMOVED", false, v.signer(), v.reason());
        try {
            b.uninstall();
            removed.addFirst(gone);
            while (removed.size() > 20) {
                removed.pollLast();
            }
            LOG.info("OneDoor plug-ins: the refused plug-in {} (bundle {}) is uninstalled", b.getSymbolicName(), b.getBundleId());
        } catch (BundleException | IllegalStateException e) {
            LOG.error("OneDoor plug-ins: cannot uninstall the refused plug-in {}: {}", b.getSymbolicName(), e.getMessage());
        }
    }

    private static boolean isPlugin(Bundle b) {
        String header = b.getHeaders("").get(MatterSource.DEPARTMENT_HEADER);
        return header != null && !header.isBlank();
    }
}
