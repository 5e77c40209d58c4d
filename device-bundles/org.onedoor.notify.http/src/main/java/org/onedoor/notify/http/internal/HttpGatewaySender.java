package org.onedoor.notify.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.onedoor.api.notify.NotificationException;
import org.onedoor.api.notify.NotificationMessage;
import org.onedoor.api.notify.NotificationSender;
import org.onedoor.api.notify.SendReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each message as one HTTP POST to the gateway: the body from the template, signed with
 * HMAC-SHA256 over the timestamp, a line feed and the body when a secret is set. A 2xx answer is
 * accepted (the message id from the answer's JSON field, else the event key); 400-499 other than
 * 408 and 429 is a refusal for good; 408, 429, 5xx, a timeout or a broken connection is retried by
 * the node. Sent on the caller's thread (no thread of its own), one connection per message. The gateway reports no delivery receipts here: messages stay {@code SENT}.
 */
final class HttpGatewaySender implements NotificationSender {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGatewaySender.class);

    private final String id;
    private final URI url;
    private final HttpGatewaySettings settings;
    private final BodyTemplate body;
    private final Pattern messageId;

    HttpGatewaySender(String id, URI url, HttpGatewaySettings settings, BodyTemplate body) {
        this.id = id;
        this.url = url;
        this.settings = settings;
        this.body = body;
        this.messageId = Pattern.compile("\"" + Pattern.quote(settings.messageIdField()) + "\"\\s*:\\s*(?:\"([^\"]{1,128})\"|([0-9]{1,40}))");
    }

    @Override
    public SendReceipt send(NotificationMessage message) throws NotificationException {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("phone", message.phone());
        values.put("text", message.text());
        values.put("eventKey", message.eventKey());
        values.put("template", message.templateId());
        values.put("language", message.locale().getLanguage());
        values.put("timestamp", timestamp);
        String text = body.render(values);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int status;
        String said;
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) url.toURL().openConnection();
            c.setConnectTimeout((int) settings.timeoutMillis());
            c.setReadTimeout((int) settings.timeoutMillis());
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(bytes.length);
            c.setRequestProperty("Content-Type", settings.contentType());
            c.setRequestProperty("Idempotency-Key", message.eventKey());
            if (!settings.secret().isEmpty()) {
                c.setRequestProperty(settings.timestampHeader(), timestamp);
                c.setRequestProperty(settings.signatureHeader(), "sha256=" + sign(settings.secret(), timestamp, text));
            }
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
            status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            said = in == null ? "" : new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).strip();
            if (in != null) {
                in.close();
            }
        } catch (SocketTimeoutException e) {
            throw new NotificationException("gateway " + id + " did not answer within " + settings.timeoutMillis() + " ms", e);
        } catch (IOException e) {
            throw new NotificationException("gateway " + id + " unreachable: " + e.getMessage(), e);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
        String shortSaid = said.length() > 200 ? said.substring(0, 200) + "…" : said;
        if (status >= 200 && status < 300) {
            Matcher m = messageId.matcher(said);
            String mid = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : message.eventKey();
            LOG.debug("Gateway {} accepted {} as {}", id, message, mid);
            return new SendReceipt(mid, 1);
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw NotificationException.rejected("gateway " + id + " refused the message for " + message.maskedPhone()
                    + ": HTTP " + status + " " + shortSaid);
        }
        throw new NotificationException("gateway " + id + " answered HTTP " + status + " " + shortSaid, null);
    }

    /** @return the hex HMAC-SHA256 of {@code timestamp + "\n" + body} under the secret */
    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public void dispose() {
        // each send opens and closes its own connection on the node's notification thread: nothing is held
    }
}
