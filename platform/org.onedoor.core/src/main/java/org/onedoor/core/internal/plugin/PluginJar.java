package org.onedoor.core.internal.plugin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.osgi.framework.Bundle;

/**
 * The files of a plug-in JAR, path to bytes, directories left out: read from an installed bundle's
 * own entries (without resolving it) or from the bytes of a JAR file.
 *
 * @param entries every file's bytes by its path inside the JAR, in the order found
 */
record PluginJar(Map<String, byte[]> entries) {

    static final String MANIFEST = "META-INF/MANIFEST.MF";

    PluginJar {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Reads a bundle's files with {@code getEntryPaths}/{@code getEntry}, which never resolve it (safe inside a resolver hook). */
    static PluginJar of(Bundle bundle) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Deque<String> folders = new ArrayDeque<>();
        folders.add("/");
        while (!folders.isEmpty()) {
            Enumeration<String> paths = bundle.getEntryPaths(folders.poll());
            while (paths != null && paths.hasMoreElements()) {
                String path = paths.nextElement();
                if (path.endsWith("/")) {
                    folders.add(path);
                    continue;
                }
                URL url = bundle.getEntry(path);
                if (url != null) {
                    try (InputStream in = url.openStream()) {
                        files.put(path.startsWith("/") ? path.substring(1) : path, in.readAllBytes());
                    }
                }
            }
        }
        return new PluginJar(files);
    }

    /** Reads the files of a JAR file's bytes. */
    static PluginJar of(byte[] jar) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    files.put(e.getName(), zip.readAllBytes());
                }
            }
        }
        return new PluginJar(files);
    }
}
