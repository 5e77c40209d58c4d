package org.onedoor.itests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds bundle jars for the tests: edited copies of shipped bundles, and small bundles from scratch. */
final class Jars {

    private Jars() {
    }

    /** @return a copy of the jar with one text entry edited and the manifest headers changed as given */
    static byte[] copy(Path jar, String entryName, UnaryOperator<String> edit, Map<String, String> headers) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar), false)) {
            Manifest manifest = in.getManifest();
            headers.forEach((k, v) -> manifest.getMainAttributes().put(new Attributes.Name(k), v));
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals(entryName)) {
                        String text = new String(content, StandardCharsets.UTF_8);
                        String edited = edit.apply(text);
                        if (edited.equals(text)) {
                            throw new AssertionError("the edit changed nothing in " + entryName);
                        }
                        content = edited.getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(content);
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /** @return a bundle jar holding only the given headers and text files */
    static byte[] bundle(Map<String, String> headers, Map<String, String> files) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Bundle-ManifestVersion"), "2");
        headers.forEach((k, v) -> manifest.getMainAttributes().put(new Attributes.Name(k), v));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                out.putNextEntry(new JarEntry(f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** @return the jar without its signature: no signature files, and a manifest of the main headers only */
    static byte[] unsigned(byte[] jar) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar), false)) {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().putAll(in.getManifest().getMainAttributes());
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    String name = entry.getName().toUpperCase(java.util.Locale.ROOT);
                    if (name.startsWith("META-INF/") && name.indexOf('/', 9) < 0
                            && (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA") || name.endsWith(".EC"))) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    out.write(in.readAllBytes());
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }
}
