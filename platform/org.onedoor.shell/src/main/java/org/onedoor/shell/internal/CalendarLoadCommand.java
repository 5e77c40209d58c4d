package org.onedoor.shell.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.api.console.Session;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.calendar.CalendarAdmin;
import org.onedoor.api.calendar.InvalidCalendarFileException;
import org.onedoor.api.calendar.KnownYear;

/**
 * {@code onedoor:calendar-load <file>}: loads (adds or replaces) a year of the working-day calendar
 * from a calendar year file on this node. A refused file is reported as an error listing what to fix.
 */
@Command(scope = "onedoor", name = "calendar-load",
        description = "Loads (adds or replaces) a year of the working-day calendar from a calendar year file on this node")
@Service
public class CalendarLoadCommand implements Action {

    @Reference
    CalendarAdmin admin;

    @Reference
    Session session;

    @Reference
    AuditTrail audit;

    @Argument(index = 0, name = "file", description = "Path of the year file (JSON, see docs/calendar.md), e.g. etc/calendar-2027.json",
            required = true)
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() {
        Path path = Path.of(file).toAbsolutePath().normalize();
        KnownYear loaded;
        try {
            loaded = admin.load(read(path), path.toString(), ShellUtil.getCurrentUserName());
        } catch (InvalidCalendarFileException e) {
            ShellAudit.record(audit, session, "calendar-load", path.toString(), AuditEvent.FAILURE, e.problems().size() + " problem(s)");
            throw new IllegalArgumentException("Calendar file " + path + " was refused; nothing was loaded. Fix:\n  - "
                    + String.join("\n  - ", e.problems()));
        }
        ShellAudit.record(audit, session, "calendar-load", path.toString(), AuditEvent.SUCCESS, "year " + loaded.year());
        System.out.println("Calendar year " + loaded.year() + " loaded from " + path + ": "
                + loaded.calendar().holidayPeriods().size() + " holidays (" + loaded.calendar().holidays().size() + " days off), "
                + loaded.calendar().makeUpWorkdays().size() + " make-up working days. It is kept in the store and overrides "
                + "any bundled " + loaded.year() + ".");
        return null;
    }

    private static String read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("No file " + path + " on this node. Give the path of a calendar year file "
                    + "(relative paths start at the node's folder).");
        }
        try {
            if (Files.size(path) > CalendarAdmin.MAX_FILE_BYTES) {
                throw new IllegalArgumentException(path + " is larger than " + CalendarAdmin.MAX_FILE_BYTES / 1024
                        + " KiB; a calendar year file is a few KiB. Is it the right file?");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(path + " is not UTF-8 text; save the file as UTF-8.");
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + path + ": " + e.getMessage());
        }
    }
}
