package org.onedoor.store.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database password: from {@code passwordFile} (its first line) when set, so it need not be
 * written into {@code etc/org.onedoor.store.cfg} where configuration listings show it; else
 * {@code password}. Warns when the file can be read by users other than the node's.
 */
final class StorePassword {

    private static final Logger LOG = LoggerFactory.getLogger(StorePassword.class);

    private StorePassword() {
    }

    static String of(StoreConfig config) {
        String file = config.passwordFile().trim();
        if (file.isEmpty()) {
            if (!config.password().isEmpty()) {
                LOG.warn("OneDoor store: the database password is written in etc/org.onedoor.store.cfg; move it to a file "
                        + "readable only by the node's user and name it with passwordFile (docs/security.md)");
            }
            return config.password();
        }
        Path path = Path.of(file);
        try {
            warnIfOthersCanRead(path);
            String text = Files.readString(path, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).strip();
        } catch (IOException e) {
            throw new IllegalStateException("OneDoor store: cannot read the database password from passwordFile " + path
                    + " (" + e + "); create it readable by the node's user, or correct passwordFile in etc/org.onedoor.store.cfg", e);
        }
    }

    private static void warnIfOthersCanRead(Path path) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("OneDoor store: {} can be read by other users; chmod 600 it", path);
            }
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions on this file system: nothing to check
        }
    }
}
