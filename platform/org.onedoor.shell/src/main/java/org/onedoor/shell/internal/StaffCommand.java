package org.onedoor.shell.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.api.staff.StaffRegistry;
import org.onedoor.api.staff.Training;

/** {@code onedoor:staff [-u unit] [-t id]}: the hall's staff registry (R15), or one member's trainings (R16); read-only. */
@Command(scope = "onedoor", name = "staff", description = "Lists the staff registry: number, name, unit, post, state, training (read-only)")
@Service
public class StaffCommand implements Action {

    @Reference
    StaffRegistry registry;

    @Option(name = "-u", aliases = "--unit", description = "Only the staff of this unit, e.g. A17")
    String unit;

    @Option(name = "-t", aliases = "--trainings", description = "The trainings of the staff record with this id")
    long trainingsOf;

    @Override
    public Object execute() {
        if (trainingsOf > 0) {
            Optional<StaffMember> m = registry.member(trainingsOf);
            if (m.isEmpty()) {
                System.err.println("没有工作人员记录 " + trainingsOf + " (no such staff record)");
                return null;
            }
            ShellTable table = new ShellTable();
            for (String column : new String[] {"Day", "Course", "Result", "Recorded by"}) {
                table.column(column);
            }
            List<Training> trainings = registry.trainings(trainingsOf);
            trainings.forEach(t -> table.addRow().addContent(t.trainedOn(), t.course(), t.result().chinese() + " " + t.result().english(),
                    t.recordedBy()));
            System.out.println(m.get().realName() + " " + m.get().staffNumber().orElse("") + " " + m.get().post().chinese());
            table.print(System.out);
            System.out.println(trainings.size() + " training(s)");
            return null;
        }
        List<StaffMember> members = registry.members(unit == null || unit.isBlank() ? Optional.empty()
                : Optional.of(unit.strip().toUpperCase(Locale.ROOT)));
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Number", "Name", "Unit", "Post", "User", "State", "Dispatched", "Trained"}) {
            table.column(column);
        }
        for (StaffMember m : members) {
            table.addRow().addContent(m.id(), m.staffNumber().orElse("-"), m.realName(), m.unitId(), m.post().chinese(), m.userName(),
                    m.state(), m.dispatchedOn().map(Object::toString).orElse("-"), m.trained() ? "yes" : "");
        }
        table.print(System.out);
        System.out.println(members.size() + " staff record(s)");
        return null;
    }
}
