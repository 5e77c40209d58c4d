package org.onedoor.notify.smpp.internal;

import java.util.Locale;
import org.jsmpp.bean.BindType;
import org.onedoor.api.notify.NotificationSender;
import org.onedoor.api.notify.NotificationSenderFactory;
import org.onedoor.api.notify.SenderContext;
import org.osgi.service.component.annotations.Component;

/** The SMPP driver ({@code driver = smpp}). Sender properties it reads: {@link SmppSettings}. */
@Component(service = NotificationSenderFactory.class)
public final class SmppSenderFactory implements NotificationSenderFactory {

    @Override
    public String driverId() {
        return "smpp";
    }

    @Override
    public NotificationSender create(SenderContext context) {
        SmppSettings s = context.configAs(SmppSettings.class);
        String id = "sender " + context.config().id();
        if (s.host().isBlank() || s.systemId().isBlank() || s.systemId().length() > 15 || s.sourceAddress().isBlank()) {
            throw new IllegalArgumentException(id + ": host, systemId (1-15 characters) and sourceAddress are required");
        }
        if (s.port() < 1 || s.port() > 65535) {
            throw new IllegalArgumentException(id + ": port must be 1-65535, was " + s.port());
        }
        range(id, "connectTimeoutMillis", s.connectTimeoutMillis(), 100, 60_000);
        range(id, "responseTimeoutMillis", s.responseTimeoutMillis(), 100, 60_000);
        range(id, "enquireLinkSeconds", s.enquireLinkSeconds(), 5, 600);
        BindType bind = switch (s.bindType().strip().toUpperCase(Locale.ROOT)) {
            case "TRX" -> BindType.BIND_TRX;
            case "TX" -> BindType.BIND_TX;
            default -> throw new IllegalArgumentException(id + ": bindType must be TRX or TX, was " + s.bindType());
        };
        return new SmppSender(context, s, bind);
    }

    private static void range(String id, String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(id + ": " + name + " must be " + min + "-" + max + ", was " + value);
        }
    }
}
