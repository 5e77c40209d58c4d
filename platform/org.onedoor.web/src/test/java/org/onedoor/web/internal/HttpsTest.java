package org.onedoor.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.FileInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.http.Json;

/**
 * HTTPS with a self-signed key made by {@code keytool} at test time (test-only, never shipped):
 * real TLS requests, HSTS on HTTPS answers, plain HTTP redirected except health.
 */
public class HttpsTest {

    private static final String PASSWORD = "test-only-store";

    @TempDir
    static Path dir;
    private static Path p12;
    private static SSLContext trusting;

    private HallHttpServer server;
    private int port;
    private int httpsPort;

    @BeforeAll
    static void makeKey() throws Exception {
        p12 = dir.resolve("node.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, keytool.exitValue(), new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(p12.toFile())) {
            store.load(in, PASSWORD.toCharArray());
        }
        Certificate cert = store.getCertificate("node");
        Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(dir.resolve("node.crt"), "-----BEGIN CERTIFICATE-----\n" + pem.encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        Files.writeString(dir.resolve("node.key"), "-----BEGIN PRIVATE KEY-----\n"
                + pem.encodeToString(store.getKey("node", PASSWORD.toCharArray()).getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("node", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);
    }

    private void start(Map<String, Object> tls) throws Exception {
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            port = a.getLocalPort();
            httpsPort = b.getLocalPort();
        }
        Map<String, Object> values = new HashMap<>(tls);
        values.put("port", port);
        values.put("host", "127.0.0.1");
        values.put("httpsPort", httpsPort);
        server = new HallHttpServer(TestConfigs.of(WebConfig.class, values));
        RouteContributor routes = router -> {
            router.get("/api/v1/health").handler(ctx -> Json.send(ctx, 200, new JsonObject().put("status", "UP")));
            router.get("/api/v1/zones").handler(ctx -> Json.send(ctx, 200, new JsonObject().put("secure", ctx.request().isSSL())));
        };
        server.addContributor(routes);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting).followRedirects(HttpClient.Redirect.NEVER).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHttpsFromPkcs12WithHstsAndRedirectsPlainHttp() throws Exception {
        start(Map.of("tlsKeyStore", p12.toString(), "tlsKeyStorePassword", PASSWORD));
        HttpResponse<String> secure = get("https://127.0.0.1:" + httpsPort + "/api/v1/zones");
        assertEquals(200, secure.statusCode());
        assertTrue(new JsonObject(secure.body()).getBoolean("secure"));
        assertEquals("max-age=31536000", secure.headers().firstValue("Strict-Transport-Security").orElse(""));

        HttpResponse<String> plain = get("http://127.0.0.1:" + port + "/api/v1/zones?x=1");
        assertEquals(308, plain.statusCode());
        assertEquals("https://127.0.0.1:" + httpsPort + "/api/v1/zones?x=1", plain.headers().firstValue("Location").orElse(""));
        HttpResponse<String> probe = get("http://127.0.0.1:" + port + "/api/v1/health");
        assertEquals(200, probe.statusCode(), "health stays reachable for probes");
        assertFalse(probe.headers().firstValue("Strict-Transport-Security").isPresent(), "no HSTS over plain HTTP");
    }

    @Test
    void servesHttpsFromPemBesidePlainHttpWhenNotRedirecting() throws Exception {
        start(Map.of("tlsCertificate", dir.resolve("node.crt").toString(), "tlsPrivateKey", dir.resolve("node.key").toString(),
                "httpRedirect", false));
        assertEquals(200, get("https://127.0.0.1:" + httpsPort + "/api/v1/zones").statusCode());
        HttpResponse<String> plain = get("http://127.0.0.1:" + port + "/api/v1/zones");
        assertEquals(200, plain.statusCode());
        assertFalse(new JsonObject(plain.body()).getBoolean("secure"));
    }

    @Test
    void aMissingKeyIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start(Map.of("tlsKeyStore", dir.resolve("absent.p12").toString())));
        assertTrue(e.getMessage().contains("tlsKeyStore"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> start(Map.of()), "httpsPort without a key");
    }
}
