package org.onedoor.core.internal.plugin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.CodeSigner;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.onedoor.api.matter.MatterSource;

/**
 * Checks a department plug-in's JAR signature with the JDK's own JAR verification: the files are
 * laid out again manifest first, signature files next, then the rest, and read back through a
 * verifying {@link JarInputStream}. Trusted only when every file is listed in the signed manifest,
 * none is missing or changed, and each is signed by a certificate registered for every department
 * the manifest names.
 */
final class PluginSignatureCheck {

    private PluginSignatureCheck() {
    }

    /**
     * @param jar        the plug-in's files
     * @param registered the certificates registered for a department (empty when none)
     * @param hall       the hall's certificates, which sign for every department
     * @return the verdict; never throws for a bad JAR
     */
    static Verdict check(PluginJar jar, Function<String, Collection<X509Certificate>> registered, Collection<X509Certificate> hall) {
        byte[] manifestBytes = jar.entries().get(PluginJar.MANIFEST);
        if (manifestBytes == null) {
            return Verdict.refused(Set.of(), "", "no META-INF/MANIFEST.MF");
        }
        Manifest manifest;
        try {
            manifest = new Manifest(new ByteArrayInputStream(manifestBytes));
        } catch (IOException e) {
            return Verdict.refused(Set.of(), "", "unreadable manifest: " + e.getMessage());
        }
        Set<String> departments = departments(manifest);
        if (departments.isEmpty()) {
            return Verdict.refused(departments, "", "the manifest names no department (" + MatterSource.DEPARTMENT_HEADER + ")");
        }
        if (jar.entries().keySet().stream().noneMatch(PluginSignatureCheck::isSignatureFile)) {
            return Verdict.refused(departments, "", "unsigned: the JAR has no signature (META-INF/*.SF and its signature block)");
        }
        Set<X509Certificate> signers = new LinkedHashSet<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(manifestFirst(jar)), true)) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (e.isDirectory() || isSignatureFile(e.getName()) || e.getName().equals(PluginJar.MANIFEST)) {
                    continue;
                }
                in.readAllBytes(); // the digest is checked when the entry has been read to its end
                CodeSigner[] codeSigners = e.getCodeSigners();
                if (codeSigners == null || codeSigners.length == 0) {
                    return Verdict.refused(departments, "", "tampered: " + e.getName() + " is not covered by the signature (added after signing)");
                }
                for (CodeSigner s : codeSigners) {
                    signers.add(signerOf(s));
                }
            }
        } catch (SecurityException e) {
            return Verdict.refused(departments, "", "tampered: " + e.getMessage());
        } catch (IOException e) {
            return Verdict.refused(departments, "", "unreadable JAR: " + e.getMessage());
        }
        for (Map.Entry<String, Attributes> section : manifest.getEntries().entrySet()) {
            if (!jar.entries().containsKey(section.getKey())) {
                return Verdict.refused(departments, "", "tampered: " + section.getKey() + " is signed but missing from the JAR");
            }
        }
        if (signers.isEmpty()) {
            return Verdict.refused(departments, "", "unsigned: no file is signed");
        }
        String signer = signers.iterator().next().getSubjectX500Principal().getName();
        for (String dept : departments) {
            Collection<X509Certificate> keys = registered.apply(dept);
            for (X509Certificate s : signers) {
                if (hall.contains(s)) {
                    continue;
                }
                if (keys.isEmpty()) {
                    return Verdict.refused(departments, signer, "no key is registered for department " + dept + " (etc/onedoor-trust/" + dept + ".pem)");
                }
                if (!keys.contains(s)) {
                    return Verdict.refused(departments, s.getSubjectX500Principal().getName(), "signed by \"" + s.getSubjectX500Principal().getName()
                            + "\", which is not a key registered for department " + dept);
                }
            }
        }
        return new Verdict(true, departments, signer, "signed by \"" + signer + "\", registered for " + String.join(", ", departments));
    }

    static Set<String> departments(Manifest manifest) {
        String header = manifest.getMainAttributes().getValue(MatterSource.DEPARTMENT_HEADER);
        Set<String> ids = new LinkedHashSet<>();
        if (header != null) {
            for (String id : header.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        return ids;
    }

    /** @return whether the path is a signature file the JAR verifier reads itself */
    static boolean isSignatureFile(String path) {
        String upper = path.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-");
    }

    private static X509Certificate signerOf(CodeSigner signer) {
        List<? extends Certificate> chain = signer.getSignerCertPath().getCertificates();
        return (X509Certificate) chain.get(0);
    }

    /** @return the JAR's files as a JAR whose manifest and signature files come first, as the verifier needs them */
    private static byte[] manifestFirst(PluginJar jar) throws IOException {
        List<String> order = new ArrayList<>();
        order.add(PluginJar.MANIFEST);
        jar.entries().keySet().stream().filter(p -> isSignatureFile(p) && p.toUpperCase(Locale.ROOT).endsWith(".SF")).forEach(order::add);
        jar.entries().keySet().stream().filter(p -> isSignatureFile(p) && !p.toUpperCase(Locale.ROOT).endsWith(".SF")).forEach(order::add);
        jar.entries().keySet().stream().filter(p -> !order.contains(p)).forEach(order::add);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String path : order) {
                zip.putNextEntry(new ZipEntry(path));
                zip.write(jar.entries().get(path));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
