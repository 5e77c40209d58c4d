package org.onedoor.notify.smpp.simulator;

import java.util.List;

/**
 * A short message the simulated centre accepted, decoded from the bytes of its {@code submit_sm} PDUs.
 *
 * @param systemId    the system id the sending session bound with
 * @param source      the source address
 * @param destination the destination address (the phone number)
 * @param dataCoding  the {@code data_coding} of the parts, e.g. 8 for UCS2
 * @param text        the decoded text, parts joined
 * @param messageId   the message id the centre answered (of the first part)
 * @param parts       the raw {@code short_message} bytes of each part, user data header included, in order
 */
public record ReceivedSms(String systemId, String source, String destination, int dataCoding, String text, String messageId,
        List<byte[]> parts) {

    /** @return the raw parts in hex, for test messages */
    public List<String> hexParts() {
        return parts.stream().map(ReceivedSms::hex).toList();
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x & 0xff));
        }
        return s.toString();
    }
}
