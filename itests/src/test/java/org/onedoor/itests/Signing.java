package org.onedoor.itests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Signs plug-in jars for the tests with the JDK's jarsigner and the demo department keys (bundles/demo-department-keys). */
final class Signing {

    private Signing() {
    }

    /**
     * @param jar  the jar's bytes (an existing signature is replaced)
     * @param dept the demo key to sign with, e.g. {@code A26}
     * @return the signed jar's bytes
     */
    static byte[] sign(byte[] jar, String dept) throws Exception {
        Path keys = Path.of(System.getProperty("onedoor.it.demoKeys"));
        Path in = Files.createTempFile("plugin", ".jar");
        Path out = Files.createTempFile("plugin-signed", ".jar");
        try {
            Files.write(in, Jars.unsigned(jar));
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "jarsigner").toString(),
                    "-keystore", keys.resolve(dept + ".p12").toString(), "-storetype", "PKCS12", "-storepass", "demo-only-not-secret",
                    "-signedjar", out.toString(), in.toString(), dept.toLowerCase(java.util.Locale.ROOT)))
                    .redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new AssertionError("jarsigner failed: " + said);
            }
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }
}
