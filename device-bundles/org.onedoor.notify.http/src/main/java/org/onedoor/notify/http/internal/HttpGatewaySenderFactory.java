package org.onedoor.notify.http.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.onedoor.api.notify.NotificationSender;
import org.onedoor.api.notify.NotificationSenderFactory;
import org.onedoor.api.notify.SenderContext;
import org.osgi.service.component.annotations.Component;

/** The HTTP SMS gateway driver ({@code driver = http}). Sender properties it reads: {@link HttpGatewaySettings}. */
@Component(service = NotificationSenderFactory.class)
public final class HttpGatewaySenderFactory implements NotificationSenderFactory {

    @Override
    public String driverId() {
        return "http";
    }

    @Override
    public NotificationSender create(SenderContext context) {
        HttpGatewaySettings s = context.configAs(HttpGatewaySettings.class);
        String id = "sender " + context.config().id();
        URI url;
        try {
            url = new URI(s.url().strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(id + ": url '" + s.url() + "' is not a URL: " + e.getMessage(), e);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(id + ": url must be an http or https URL with a host, was '" + s.url() + "'");
        }
        if (s.timeoutMillis() < 100 || s.timeoutMillis() > 60_000) {
            throw new IllegalArgumentException(id + ": timeoutMillis must be 100-60000, was " + s.timeoutMillis());
        }
        if (!s.secret().isEmpty() && (s.signatureHeader().isBlank() || s.timestampHeader().isBlank())) {
            throw new IllegalArgumentException(id + ": a secret needs signatureHeader and timestampHeader");
        }
        BodyTemplate body;
        try {
            body = new BodyTemplate(s.bodyTemplate(), s.contentType());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(id + ": " + e.getMessage(), e);
        }
        return new HttpGatewaySender(context.config().id(), url, s, body);
    }
}
