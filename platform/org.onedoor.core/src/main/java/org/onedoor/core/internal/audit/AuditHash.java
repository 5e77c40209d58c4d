package org.onedoor.core.internal.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash of an audit record: SHA-256 over a canonical encoding of its id, time, node, fields and
 * the previous record's hash, as lower-case hex (encoding version 1, described in docs/security.md).
 *
 * <p>The encoding is the UTF-8 text {@code onedoor-audit-v1\n} followed by ten fields, each written
 * as its length in UTF-8 bytes (decimal), a colon, the bytes and a new line: id (decimal), time as
 * stored (the column's local date-time, {@code uuuu-MM-dd'T'HH:mm:ss.SSS}), node, action, actor,
 * origin, target, outcome, detail and the previous hash (64 zeros before the first record).
 */
final class AuditHash {

    /** The previous hash of the first record in the chain. */
    static final String GENESIS = "0".repeat(64);

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

    private static final byte[] PREFIX = "onedoor-audit-v1\n".getBytes(StandardCharsets.UTF_8);

    private AuditHash() {
    }

    /** @return the hash of a record with these values */
    static String of(ChainedRow row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(PREFIX);
        field(out, Long.toString(row.id()));
        field(out, TIME.format(row.at()));
        field(out, row.node());
        field(out, row.event().action());
        field(out, row.event().actor());
        field(out, row.event().origin());
        field(out, row.event().target());
        field(out, row.event().outcome());
        field(out, row.event().detail());
        field(out, row.prevHash());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no SHA-256", e);
        }
    }

    /** @return the time as the hash sees it: the stored local date-time, to the millisecond */
    static LocalDateTime millis(LocalDateTime at) {
        return at.withNano(at.getNano() / 1_000_000 * 1_000_000);
    }

    private static void field(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(bytes);
        out.write('\n');
    }
}
