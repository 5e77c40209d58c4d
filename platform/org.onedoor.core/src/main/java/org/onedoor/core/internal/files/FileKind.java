package org.onedoor.core.internal.files;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of scanned file a case takes, known by their first bytes (not by the name or the type
 * the sender claims): PDF ({@code %PDF-}), JPEG ({@code FF D8 FF}) and PNG (its 8-byte signature).
 */
enum FileKind {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final String contentType;
    private final byte[] magic;

    FileKind(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    String contentType() {
        return contentType;
    }

    /** @return the kind the content starts like, or empty */
    static Optional<FileKind> sniff(byte[] content) {
        return Arrays.stream(values()).filter(k -> content.length >= k.magic.length
                && Arrays.equals(content, 0, k.magic.length, k.magic, 0, k.magic.length)).findFirst();
    }

    /**
     * @param declared the type the sender gave (parameters such as {@code ; charset} ignored)
     * @return whether it agrees with this kind: the same type, or none given ({@code application/octet-stream}, empty)
     */
    boolean agreesWith(String declared) {
        String type = declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.equals("application/octet-stream") || type.equals(contentType)
                || (this == JPEG && type.equals("image/jpg"));
    }
}
