package org.onedoor.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The pages' files, read from this bundle's class loader: the pages under {@code ui/}, their
 * scripts and styles under {@code ui/assets/}, and WebJar files under
 * {@code META-INF/resources/webjars/}. Names are checked before any lookup; files that exist are kept
 * once read, misses are not kept (so asking for missing names does not grow the memory).
 * Reads block briefly on the bundle's jar; callers on an event loop run them as blocking work.
 */
final class PageAssets {

    /** One file to send: its bytes and the Content-Type to send them with. */
    record Asset(byte[] bytes, String contentType) {
    }

    private static final Pattern ASSET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(js|css|svg)");
    private static final Pattern WEBJAR_PATH = Pattern.compile("[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*/(dist/)?[a-z0-9][a-z0-9._-]*\\.js");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml; charset=utf-8");

    private final ClassLoader loader;
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    PageAssets(ClassLoader loader) {
        this.loader = loader;
    }

    /** The page {@code ui/<name>.html}, if there is one. */
    Optional<Asset> page(String name) {
        return name.matches("[a-z]+") ? load("ui/" + name + ".html") : Optional.empty();
    }

    /** A script or style sheet {@code ui/assets/<name>}; names outside {@code [a-z0-9-]+.(js|css|svg)} find nothing. */
    Optional<Asset> asset(String name) {
        return ASSET_NAME.matcher(name).matches() ? load("ui/assets/" + name) : Optional.empty();
    }

    /** A script of a WebJar inlined into this bundle: {@code <library>/<version>/<file>.js} or {@code <library>/<version>/dist/<file>.js}. */
    Optional<Asset> webjar(String path) {
        return WEBJAR_PATH.matcher(path).matches() && !path.contains("..")
                ? load("META-INF/resources/webjars/" + path) : Optional.empty();
    }

    private Optional<Asset> load(String resource) {
        return Optional.ofNullable(cache.computeIfAbsent(resource, r -> {
            try (InputStream in = loader.getResourceAsStream(r)) {
                if (in == null) {
                    return null;
                }
                String ext = r.substring(r.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                return new Asset(in.readAllBytes(), TYPES.getOrDefault(ext, "application/octet-stream"));
            } catch (IOException e) {
                return null;
            }
        }));
    }

    /** @return how many files are kept in memory */
    int cached() {
        return cache.size();
    }
}
