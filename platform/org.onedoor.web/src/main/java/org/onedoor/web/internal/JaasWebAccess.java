package org.onedoor.web.internal;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.onedoor.web.ProblemException;
import org.onedoor.web.WebAccess;
import org.osgi.service.component.annotations.Component;

/**
 * Checks HTTP Basic credentials against the node's JAAS realm ({@code karaf}, the same users as
 * the console) and the user's roles. The login runs off the event loop.
 */
@Component(service = WebAccess.class)
public final class JaasWebAccess implements WebAccess {

    static final String REALM = "karaf";

    @Override
    public Handler<RoutingContext> requireAnyRole(String... roles) {
        Set<String> wanted = Set.of(roles);
        return ctx -> {
            Credentials credentials = Credentials.fromBasic(ctx.request().getHeader("Authorization"));
            if (credentials == null) {
                challenge(ctx, "sign in with HTTP Basic credentials of a hall user");
                return;
            }
            ctx.vertx().executeBlocking(() -> login(credentials)).onComplete(result -> {
                if (result.failed() || result.result() == null) {
                    challenge(ctx, "user name or password is wrong");
                    return;
                }
                Set<String> held = result.result();
                if (held.stream().noneMatch(wanted::contains)) {
                    ctx.fail(new ProblemException(403, "forbidden", "Forbidden",
                            "user '" + credentials.user() + "' holds none of the roles " + String.join(", ", wanted.stream().sorted().toList())));
                    return;
                }
                ctx.put(USER, credentials.user());
                ctx.next();
            });
        };
    }

    private static void challenge(RoutingContext ctx, String detail) {
        ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"OneDoor\", charset=\"UTF-8\"");
        ctx.fail(new ProblemException(401, "unauthenticated", "Unauthenticated", detail));
    }

    /** @return the user's roles, or null when the login fails */
    private static Set<String> login(Credentials credentials) {
        Subject subject = new Subject();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(JaasWebAccess.class.getClassLoader());
        try {
            LoginContext login = new LoginContext(REALM, subject, callbacks -> {
                for (Callback cb : callbacks) {
                    if (cb instanceof NameCallback n) {
                        n.setName(credentials.user());
                    } else if (cb instanceof PasswordCallback p) {
                        p.setPassword(credentials.password().toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            login.login();
            Set<String> roles = new HashSet<>();
            for (Principal p : subject.getPrincipals(RolePrincipal.class)) {
                roles.add(p.getName());
            }
            login.logout();
            return roles;
        } catch (LoginException e) {
            return null;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** User name and password from an {@code Authorization: Basic} header. */
    record Credentials(String user, String password) {

        /** @return the credentials, or null when the header is absent or not valid Basic */
        static Credentials fromBasic(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
    }
}
