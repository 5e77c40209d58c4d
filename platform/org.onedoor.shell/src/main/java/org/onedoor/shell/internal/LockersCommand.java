package org.onedoor.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.locker.LockerDoor;
import org.onedoor.api.locker.LockerException;
import org.onedoor.api.locker.PickupLockers;

/** {@code onedoor:lockers [cabinet]}: the pickup-locker cabinets and, per door, its use and state. */
@Command(scope = "onedoor", name = "lockers", description = "Lists the pickup-locker doors: free, occupied or out of service, open or closed")
@Service
public class LockersCommand implements Action {

    @Reference
    PickupLockers lockers;

    @Argument(index = 0, name = "cabinet", description = "Only this cabinet (a locker device id, see onedoor:devices)")
    @Completion(DeviceIdCompleter.class)
    String cabinet;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Cabinet");
        table.column("Door");
        table.column("Use");
        table.column("State");
        table.column("Deposit");
        table.column("Note");
        try {
            for (String id : cabinet == null ? lockers.cabinets() : List.of(cabinet)) {
                for (LockerDoor d : lockers.doors(id)) {
                    table.addRow().addContent(id, d.door(), d.use(), d.state(), d.depositId() == 0 ? "-" : d.depositId(), d.note());
                }
            }
        } catch (LockerException e) {
            throw new IllegalArgumentException(e.getMessage() + " (see onedoor:devices for the locker cabinets)");
        }
        table.print(System.out);
        return null;
    }
}
