package org.onedoor.core.internal.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.onedoor.api.hall.HallClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall's clock: the system clock in the hall's configured time zone (pid {@code org.onedoor.hall}).
 * For tests and drills it can be set to another local time ({@code setTo}), from which it runs on;
 * a change of the configuration applies at once to every component holding the clock, without
 * restarting them.
 */
@Component(service = HallClock.class, configurationPid = "org.onedoor.hall", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SystemHallClock.Config.class)
public final class SystemHallClock implements HallClock {

    private static final Logger LOG = LoggerFactory.getLogger(SystemHallClock.class);

    /** The hall's time settings. */
    @ObjectClassDefinition(name = "OneDoor hall time", description = "The time zone the hall counts its days in")
    public @interface Config {
        @AttributeDefinition(description = "IANA time zone of the hall, e.g. Asia/Shanghai")
        String timeZone() default "Asia/Shanghai";

        @AttributeDefinition(description = "For tests and drills only: the hall's local time to set the clock to when this"
                + " configuration is applied, e.g. 2026-12-04T10:05 (it runs on from there); empty: the system clock")
        String setTo() default "";
    }

    private final SettableClock clock = new SettableClock();

    @Activate
    public SystemHallClock(Config config) {
        apply(config);
    }

    @Modified
    void modified(Config config) {
        apply(config);
    }

    private void apply(Config config) {
        ZoneId zone;
        try {
            zone = ZoneId.of(config.timeZone().strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("etc/org.onedoor.hall.cfg: timeZone '" + config.timeZone()
                    + "' is not an IANA time zone such as Asia/Shanghai", e);
        }
        Duration shift = Duration.ZERO;
        String setTo = config.setTo().strip();
        if (!setTo.isEmpty()) {
            try {
                Instant target = LocalDateTime.parse(setTo).atZone(zone).toInstant();
                shift = Duration.between(Instant.now(), target);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("etc/org.onedoor.hall.cfg: setTo '" + setTo
                        + "' is not a local date and time such as 2026-12-04T10:05", e);
            }
            LOG.warn("The hall's clock is set to {} ({} from the system clock): for tests and drills only", setTo, shift);
        }
        clock.set(zone, shift);
    }

    @Override
    public ZoneId zone() {
        return clock.getZone();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** The system clock moved by a shift, in a zone; both changed together by the configuration. */
    static final class SettableClock extends Clock {

        private record Setting(ZoneId zone, Duration shift) {
        }

        private volatile Setting setting = new Setting(ZoneId.of("Asia/Shanghai"), Duration.ZERO);

        void set(ZoneId zone, Duration shift) {
            setting = new Setting(zone, shift);
        }

        @Override
        public ZoneId getZone() {
            return setting.zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), setting.shift);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(setting.shift);
        }

        @Override
        public long millis() {
            return instant().toEpochMilli();
        }
    }
}
