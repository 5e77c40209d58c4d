package org.onedoor.core.internal.matter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.onedoor.api.matter.Matter;

/** Names a matter's version: the contributing bundle's version and a digest of the matter's content. */
final class Revisions {

    private Revisions() {
    }

    static Matter stamp(Matter matter, String bundleVersion) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(matter.withRevision("").toString().getBytes(StandardCharsets.UTF_8));
            return matter.withRevision(bundleVersion + "#" + HexFormat.of().formatHex(digest, 0, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
