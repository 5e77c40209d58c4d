package org.onedoor.device.internal.outbox;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onedoor.api.device.DeviceCommand;
import org.onedoor.api.device.OpenDoor;
import org.onedoor.api.device.PrintTicket;
import org.onedoor.api.device.SelfTest;
import org.onedoor.api.device.ShowCall;

/** Turns commands into the outbox's type name and text payload ({@code key=value} lines) and back. */
public final class CommandCodec {

    private CommandCodec() {
    }

    static String type(DeviceCommand command) {
        return command.getClass().getSimpleName();
    }

    static String payload(DeviceCommand command) {
        Map<String, String> f = new LinkedHashMap<>();
        if (command instanceof PrintTicket p) {
            f.put("number", p.number());
            f.put("zoneName", p.zoneName());
            f.put("peopleAhead", Integer.toString(p.peopleAhead()));
            f.put("issuedAt", p.issuedAt().toString());
            f.put("statusUrl", p.statusUrl());
        } else if (command instanceof ShowCall s) {
            f.put("number", s.number());
            f.put("window", Integer.toString(s.window()));
        } else if (command instanceof OpenDoor o) {
            f.put("door", Integer.toString(o.door()));
        } else if (command instanceof SelfTest t) {
            f.put("requestedBy", t.requestedBy());
        }
        StringBuilder out = new StringBuilder();
        f.forEach((k, v) -> out.append(k).append('=').append(escape(v)).append('\n'));
        return out.toString();
    }

    static DeviceCommand decode(String type, String payload) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : payload.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                f.put(line.substring(0, eq), unescape(line.substring(eq + 1)));
            }
        }
        return switch (type) {
            case "PrintTicket" -> new PrintTicket(f.get("number"), f.get("zoneName"), Integer.parseInt(f.get("peopleAhead")),
                    LocalDateTime.parse(f.get("issuedAt")), f.get("statusUrl"));
            case "ShowCall" -> new ShowCall(f.get("number"), Integer.parseInt(f.get("window")));
            case "OpenDoor" -> new OpenDoor(Integer.parseInt(f.get("door")));
            case "SelfTest" -> new SelfTest(f.get("requestedBy"));
            default -> throw new IllegalArgumentException("unknown command type '" + type + "' in the outbox");
        };
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
