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
 * The realm {@code karaf} as the node uses it: Karaf's own realm (SSH keys, its audit modules) with
 * its users-file module replaced by the {@link HallUserLoginModule} (the users of the hall database,
 * the same on every node), and the {@link ConsoleLoginModule} around it, so console sign-ins over
 * SSH are throttled and audited like the HTTP API's. Registered with a higher rank than Karaf's realm of the same name,
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
    private final DatabaseHallUsers users;

    @Activate
    public ConsoleRealm(BundleContext context, @Reference SignInThrottle throttle, @Reference AuditTrail audit,
            @Reference DatabaseHallUsers users) {
        this.context = context;
        this.users = users;
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
            for (AppConfigurationEntry e : karaf.getEntries()) {
                entries.add(UsersFileImport.isPropertiesModule(e) ? hallUsers(e.getControlFlag()) : e);
            }
        }
        entries.add(module(ConsoleLoginModule.RECORDER, LoginModuleControlFlag.OPTIONAL));
        return entries.toArray(AppConfigurationEntry[]::new);
    }

    /** The hall database's users, with the flag Karaf gave its users-file module. */
    private AppConfigurationEntry hallUsers(LoginModuleControlFlag flag) {
        return proxied(HallUserLoginModule.class, flag, Map.of(HallUserLoginModule.USERS_OPTION, users));
    }

    private AppConfigurationEntry module(String stage, LoginModuleControlFlag flag) {
        return proxied(ConsoleLoginModule.class, flag,
                Map.of(ConsoleLoginModule.STAGE_OPTION, stage, ConsoleLoginModule.SIGN_INS_OPTION, signIns));
    }

    /** An entry for Karaf's proxy, which loads the module class from the core bundle. */
    private AppConfigurationEntry proxied(Class<?> module, LoginModuleControlFlag flag, Map<String, Object> own) {
        Map<String, Object> options = new HashMap<>(own);
        options.put(BundleContext.class.getName(), context);
        options.put(ProxyLoginModule.PROPERTY_MODULE, module.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, bundleId);
        return new AppConfigurationEntry(ProxyLoginModule.class.getName(), flag, options);
    }
}
