package org.onedoor.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import jdk.security.jarsigner.JarSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature check of department plug-ins on JARs built and signed here (keys made with the
 * JDK's keytool, JARs signed with its JarSigner): signed with the department's registered key,
 * unsigned, tampered in several ways, and signed with another department's key.
 */
class PluginSignatureCheckTest {

    private static final String PASS = "test-only-pass";

    @TempDir
    static Path dir;

    private static DepartmentKeys keys;

    @BeforeAll
    static void makeKeys() throws Exception {
        for (String name : List.of("A17", "A26", "HALL", "ROGUE")) {
            keytool("-genkeypair", "-keystore", dir.resolve(name + ".p12").toString(), "-storetype", "PKCS12", "-storepass", PASS,
                    "-keypass", PASS, "-alias", "k", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30", "-dname", "CN=test " + name);
        }
        Path trust = Files.createDirectories(dir.resolve("trust"));
        for (String name : List.of("A17", "A26", "HALL")) {
            keytool("-exportcert", "-rfc", "-keystore", dir.resolve(name + ".p12").toString(), "-storepass", PASS, "-alias", "k",
                    "-file", trust.resolve(name + ".pem").toString());
        }
        keys = new DepartmentKeys(trust);
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    static byte[] plugin(String department) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(new Attributes.Name("Bundle-SymbolicName"), "org.onedoor.dept.test");
        m.getMainAttributes().put(new Attributes.Name("OneDoor-Department"), department);
        m.getMainAttributes().put(new Attributes.Name("OneDoor-Catalog"), "onedoor/matters.json");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, m)) {
            put(out, "onedoor/matters.json", "{\"format\": \"onedoor-catalog/1\", \"matters\": [{\"nameZh\": \"护照\"}]}");
            put(out, "org/onedoor/dept/test/Rules.class", "not really a class, but bytes all the same");
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    static byte[] sign(byte[] jar, String keyName) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(keyName + ".p12"))) {
            ks.load(in, PASS.toCharArray());
        }
        PrivateKey key = (PrivateKey) ks.getKey("k", PASS.toCharArray());
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(ks.getCertificateChain("k")));
        Path unsigned = Files.write(Files.createTempFile(dir, "unsigned", ".jar"), jar);
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(unsigned.toFile())) {
            new JarSigner.Builder(key, path).signerName(keyName).build().sign(zip, signed);
        }
        return signed.toByteArray();
    }

    /** @return the JAR with every entry passed through {@code edit} (null drops it), plus the extra entries */
    static byte[] rewrite(byte[] jar, UnaryOperator<Map<String, byte[]>> edit) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(PluginJar.of(jar).entries());
        Map<String, byte[]> edited = edit.apply(entries);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : edited.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Verdict check(byte[] jar) throws IOException {
        return PluginSignatureCheck.check(PluginJar.of(jar), keys::of, keys.hall());
    }

    @Test
    void signedWithTheDepartmentsKeyIsTrusted() throws Exception {
        Verdict v = check(sign(plugin("A17"), "A17"));
        assertTrue(v.trusted(), v.reason());
        assertEquals(java.util.Set.of("A17"), v.departments());
        assertTrue(v.signer().contains("test A17"), v.signer());
    }

    @Test
    void theHallsKeyVouchesForAnyDepartment() throws Exception {
        assertTrue(check(sign(plugin("A17,A26"), "HALL")).trusted());
    }

    @Test
    void anUnsignedPluginIsRefused() throws Exception {
        Verdict v = check(plugin("A17"));
        assertFalse(v.trusted());
        assertTrue(v.reason().startsWith("unsigned"), v.reason());
    }

    @Test
    void anotherDepartmentsKeyIsRefused() throws Exception {
        Verdict v = check(sign(plugin("A17"), "A26"));
        assertFalse(v.trusted());
        assertTrue(v.reason().contains("test A26") && v.reason().contains("not a key registered for department A17"), v.reason());
        assertFalse(check(sign(plugin("A17"), "ROGUE")).trusted());
        assertFalse(check(sign(plugin("A17,A26"), "A17")).trusted(), "a key of one department does not sign for two");
    }

    @Test
    void aDepartmentWithoutARegisteredKeyIsRefused() throws Exception {
        Verdict v = check(sign(plugin("A99"), "A17"));
        assertFalse(v.trusted());
        assertTrue(v.reason().contains("no key is registered for department A99"), v.reason());
    }

    @Test
    void aChangedFileIsRefusedAsTampered() throws Exception {
        byte[] tampered = rewrite(sign(plugin("A17"), "A17"), e -> {
            e.put("onedoor/matters.json", "{\"format\": \"onedoor-catalog/1\", \"matters\": [{\"nameZh\": \"冒名\"}]}"
                    .getBytes(StandardCharsets.UTF_8));
            return e;
        });
        Verdict v = check(tampered);
        assertFalse(v.trusted());
        assertTrue(v.reason().startsWith("tampered") && v.reason().contains("onedoor/matters.json"), v.reason());
    }

    @Test
    void anAddedFileIsRefused() throws Exception {
        byte[] added = rewrite(sign(plugin("A17"), "A17"), e -> {
            e.put("org/onedoor/dept/test/Extra.class", "smuggled".getBytes(StandardCharsets.UTF_8));
            return e;
        });
        Verdict v = check(added);
        assertFalse(v.trusted());
        assertTrue(v.reason().contains("Extra.class") && v.reason().contains("not covered"), v.reason());
    }

    @Test
    void aRemovedFileIsRefused() throws Exception {
        byte[] removed = rewrite(sign(plugin("A17"), "A17"), e -> {
            e.remove("org/onedoor/dept/test/Rules.class");
            return e;
        });
        Verdict v = check(removed);
        assertFalse(v.trusted());
        assertTrue(v.reason().contains("Rules.class") && v.reason().contains("missing"), v.reason());
    }

    @Test
    void aDepartmentHeaderChangedAfterSigningIsRefused() throws Exception {
        byte[] moved = rewrite(sign(plugin("A17"), "A17"), e -> {
            String manifest = new String(e.get(PluginJar.MANIFEST), StandardCharsets.UTF_8);
            e.put(PluginJar.MANIFEST, manifest.replace("OneDoor-Department: A17", "OneDoor-Department: A26").getBytes(StandardCharsets.UTF_8));
            return e;
        });
        assertFalse(check(moved).trusted(), check(moved).reason());
    }

    @Test
    void aDamagedSignatureBlockIsRefused() throws Exception {
        byte[] damaged = rewrite(sign(plugin("A17"), "A17"), e -> {
            byte[] block = e.get("META-INF/A17.RSA").clone();
            block[block.length - 10] ^= 0x5a;
            e.put("META-INF/A17.RSA", block);
            return e;
        });
        Verdict v = check(damaged);
        assertFalse(v.trusted(), v.reason());
    }
}
