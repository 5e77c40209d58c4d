package org.onedoor.shell.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.staff.RosterEntry;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.staff.WindowRoster;
import org.onedoor.api.user.HallUsers;

/**
 * {@code onedoor:roster [-d day] [--hall id] [--window n --staff id] [--window n --remove] [--zone-of id --zone z]}:
 * the day's window roster (who sits at which window, by name plate); the hall assigns windows and sets
 * the zone whose windows a member may take.
 */
@Command(scope = "onedoor", name = "roster", description = "Shows the window roster of a day; assigns a window or sets a member's zone")
@Service
public class RosterCommand implements Action {

    @Reference
    WindowRoster roster;

    @Reference
    HallClock clock;

    @Reference
    HallUsers users;

    @Reference
    Session session;

    @Option(name = "-d", aliases = "--day", description = "The hall day, e.g. 2026-12-07 (default: today)")
    String day;

    @Option(name = "--hall", description = "The hall (default: the default hall)")
    String hall = Hall.DEFAULT_ID;

    @Option(name = "--window", description = "The window to assign or take off the roster")
    int window;

    @Option(name = "--staff", description = "The staff member to put at the window")
    long staff;

    @Option(name = "--remove", description = "Take the window off the day's roster")
    boolean remove;

    @Option(name = "--zone-of", description = "The staff member whose zone to set")
    long zoneOf;

    @Option(name = "--zone", description = "The zone (empty: any)")
    String zone;

    @Override
    public Object execute() {
        LocalDate d;
        try {
            d = day == null || day.isBlank() ? clock.today() : LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            System.err.println("--day: 应为日期，如 " + clock.today() + " (a date like " + clock.today() + ")");
            return null;
        }
        try {
            if (zoneOf > 0) {
                roster.setZone(zoneOf, Optional.ofNullable(zone).filter(z -> !z.isBlank()), ConsoleSigner.of(session, users), "console");
                System.out.println("工作人员 " + zoneOf + " 所属区域 " + roster.zone(zoneOf).orElse("（不限）") + " (zone set)");
                return null;
            }
            if (window > 0 && remove) {
                boolean removed = roster.unassign(hall, d, window, ConsoleSigner.of(session, users), "console");
                System.out.println(d + " 窗口 " + window + (removed ? " 已取消排班 (taken off the roster)" : " 原无排班 (was not rostered)"));
                return null;
            }
            if (window > 0 && staff > 0) {
                RosterEntry e = roster.assign(hall, d, window, staff, ConsoleSigner.of(session, users), "console");
                System.out.println(d + " 窗口 " + e.window() + " " + e.zoneId() + " " + e.plate().staffNumber() + " " + e.plate().realName()
                        + " (rostered)");
                return null;
            }
        } catch (StaffException e) {
            System.err.println(e.code() + ": " + e.getMessage());
            return null;
        }
        List<RosterEntry> entries = roster.roster(hall, d);
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Window", "Zone", "Staff no.", "Name", "Post", "Unit", "Assigned by"}) {
            table.column(column);
        }
        for (RosterEntry e : entries) {
            table.addRow().addContent(e.window(), e.zoneId(), e.plate().staffNumber(), e.plate().realName(), e.plate().post().chinese(),
                    e.plate().unitId(), e.assignedBy());
        }
        table.print(System.out);
        System.out.println(d + ": " + entries.size() + " window(s) rostered");
        return null;
    }
}
