package org.onedoor.core.internal.user;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.signin.SignInThrottle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The realm {@code karaf} as the node uses it: Karaf's own realm (users file, hashes, its audit
 * modules) with the {@link ConsoleLoginModule} around it, so console sign-ins over SSH are throttled
 * and audited like the HTTP API's. Registered with a higher rank than Karaf's realm of the same name,
 * which Karaf's JAAS configuration then uses; Karaf's entries are read at every sign-in, so a change
 * of {@code etc/org.apache.karaf.jaas.cfg} still applies. Without Karaf's realm no module succeeds
 * and every sign-in is refused.
 */
@Component(service = JaasRealm.class, property = ConsoleRealm.MARKER + "=console")
public final class ConsoleRealm implements JaasRealm {

    /** Service property that tells this realm from Karaf's (and keeps it out of its own reference). */
    static final String MARKER = "onedoor.realm";
    static final String NAME = "karaf";

    private final List<JaasRealm> karafRealms = new CopyOnWriteArrayList<>();
    private final ConsoleSignIns signIns;
    private final String bundleId;
    private final BundleContext context;

    @Activate
    public ConsoleRealm(BundleContext context, @Reference SignInThrottle throttle, @Reference AuditTrail audit) {
        this.context = context;
        this.bundleId = Long.toString(context.getBundle().getBundleId());
        this.signIns = new ConsoleSignIns(throttle, audit);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(" + MARKER + "=*))")
    void addRealm(JaasRealm realm) {
        karafRealms.add(realm);
    }

    void removeRealm(JaasRealm realm) {
        karafRealms.remove(realm);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return 1;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        JaasRealm karaf = null;
        for (JaasRealm r : karafRealms) {
            if (NAME.equals(r.getName()) && r.getRank() < getRank() && (karaf == null || r.getRank() > karaf.getRank())) {
                karaf = r;
            }
        }
        List<AppConfigurationEntry> entries = new ArrayList<>();
        entries.add(module(ConsoleLoginModule.GATE, LoginModuleControlFlag.REQUISITE));
        if (karaf != null) {
            entries.addAll(List.of(karaf.getEntries()));
        }
        entries.add(module(ConsoleLoginModule.RECORDER, LoginModuleControlFlag.OPTIONAL));
        return entries.toArray(AppConfigurationEntry[]::new);
    }

    private AppConfigurationEntry module(String stage, LoginModuleControlFlag flag) {
        Map<String, Object> options = new HashMap<>();
        options.put(BundleContext.class.getName(), context);
        options.put(ProxyLoginModule.PROPERTY_MODULE, ConsoleLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, bundleId);
        options.put(ConsoleLoginModule.STAGE_OPTION, stage);
        options.put(ConsoleLoginModule.SIGN_INS_OPTION, signIns);
        return new AppConfigurationEntry(ProxyLoginModule.class.getName(), flag, options);
    }
}
