package org.onedoor.web.internal;

import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The node's HTTPS key and certificate from {@code etc/org.onedoor.web.cfg}: a PKCS#12 key store
 * ({@code tlsKeyStore} + {@code tlsKeyStorePassword}) or a PEM pair ({@code tlsCertificate} +
 * {@code tlsPrivateKey}). Relative paths are resolved against {@code karaf.base}.
 */
public final class TlsOptions {

    private TlsOptions() {
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing, ambiguous or points to no file
     */
    static KeyCertOptions keyCert(WebConfig config) {
        boolean store = !config.tlsKeyStore().isBlank();
        boolean pem = !config.tlsCertificate().isBlank() || !config.tlsPrivateKey().isBlank();
        if (store == pem) {
            throw new IllegalArgumentException("httpsPort=" + config.httpsPort() + " in etc/org.onedoor.web.cfg needs either tlsKeyStore "
                    + "(PKCS#12, with tlsKeyStorePassword) or tlsCertificate + tlsPrivateKey (PEM), not " + (store ? "both" : "neither"));
        }
        if (store) {
            return new PfxOptions().setPath(file("tlsKeyStore", config.tlsKeyStore())).setPassword(config.tlsKeyStorePassword());
        }
        if (config.tlsCertificate().isBlank() || config.tlsPrivateKey().isBlank()) {
            throw new IllegalArgumentException("tlsCertificate and tlsPrivateKey in etc/org.onedoor.web.cfg go together (PEM files)");
        }
        return new PemKeyCertOptions().setCertPath(file("tlsCertificate", config.tlsCertificate()))
                .setKeyPath(file("tlsPrivateKey", config.tlsPrivateKey()));
    }

    private static String file(String setting, String value) {
        Path path = Path.of(value.trim());
        if (!path.isAbsolute()) {
            path = Path.of(System.getProperty("karaf.base", ".")).resolve(path);
        }
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(setting + "=" + value + " in etc/org.onedoor.web.cfg: no readable file at " + path.toAbsolutePath());
        }
        return path.toAbsolutePath().toString();
    }
}
