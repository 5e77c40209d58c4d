package org.onedoor.core.internal.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.onedoor.api.hall.HallClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The hall's clock: the system clock in the hall's configured time zone (pid {@code org.onedoor.hall}). */
@Component(service = HallClock.class, configurationPid = "org.onedoor.hall", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SystemHallClock.Config.class)
public final class SystemHallClock implements HallClock {

    /** The hall's time settings. */
    @ObjectClassDefinition(name = "OneDoor hall time", description = "The time zone the hall counts its days in")
    public @interface Config {
        @AttributeDefinition(description = "IANA time zone of the hall, e.g. Asia/Shanghai")
        String timeZone() default "Asia/Shanghai";
    }

    private final Clock clock;

    @Activate
    public SystemHallClock(Config config) {
        ZoneId zone;
        try {
            zone = ZoneId.of(config.timeZone().strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("etc/org.onedoor.hall.cfg: timeZone '" + config.timeZone()
                    + "' is not an IANA time zone such as Asia/Shanghai", e);
        }
        this.clock = Clock.system(zone);
    }

    @Override
    public ZoneId zone() {
        return clock.getZone();
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
