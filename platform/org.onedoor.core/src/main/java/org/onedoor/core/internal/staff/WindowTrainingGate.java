package org.onedoor.core.internal.staff;

import java.util.Optional;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The gate the window desk asks before a clerk signs in (R15, R16): reads the user's staff record
 * from the hall database each time (every node decides alike) and refuses with
 * {@link QueueException} CONFLICT, naming the rule, as {@link WindowGate} decides.
 */
@Component(service = WindowTrainingGate.class, configurationPid = "org.onedoor.staff", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StaffConfig.class)
public final class WindowTrainingGate {

    private final HallDatabase database;
    private final WindowGate.Mode mode;

    @Activate
    public WindowTrainingGate(@Reference HallDatabase database, StaffConfig config) {
        this(database, WindowGate.Mode.of(config.trainingRequired()));
    }

    WindowTrainingGate(HallDatabase database, WindowGate.Mode mode) {
        this.database = database;
        this.mode = mode;
    }

    /** Refuses the sign-in of {@code user} at {@code window} when the registry says so; blocks on the database. */
    public void check(String user, int window) {
        if (mode == WindowGate.Mode.OFF) {
            return;
        }
        Optional<StaffMember> record = database.withHandle(h -> StaffStore.ofUser(h, user));
        WindowGate.check(mode, user, window, record).ifPresent(r -> {
            throw new QueueException(QueueException.Reason.CONFLICT, r.code(), r.message());
        });
    }
}
