package org.onedoor.device.locker.lockboard.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.onedoor.api.device.DeviceBridgeHandler;
import org.onedoor.api.device.DeviceCommand;
import org.onedoor.api.device.DeviceContext;
import org.onedoor.api.device.DeviceException;
import org.onedoor.api.device.OpenDoor;
import org.onedoor.api.device.SelfTest;
import org.onedoor.api.device.StatusDetail;

/**
 * Drives one locker cabinet (a controller board and its doors): opens doors, reports a door
 * that failed to open, and, when probed, a door left open longer than allowed.
 */
final class LockerCabinetHandler implements DeviceBridgeHandler {

    private final DeviceContext context;
    private final LockBoardFrames frames;
    private final int doors;
    private final int testDoor;
    private final Duration leftOpenAfter;
    private final Duration timeout;
    private final Map<Integer, Boolean> open = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> openedAt = new ConcurrentHashMap<>();

    LockerCabinetHandler(DeviceContext context, LockBoardFrames frames, int doors, int testDoor, Duration leftOpenAfter,
            Duration timeout) {
        this.context = context;
        this.frames = frames;
        this.doors = doors;
        this.testDoor = testDoor;
        this.leftOpenAfter = leftOpenAfter;
        this.timeout = timeout;
    }

    @Override
    public String execute(DeviceCommand command) throws DeviceException {
        int door;
        if (command instanceof OpenDoor o) {
            door = o.door();
        } else if (command instanceof SelfTest) {
            door = testDoor;
        } else {
            throw DeviceException.rejected("a locker cabinet cannot " + command.summary());
        }
        if (door > doors) {
            throw DeviceException.rejected("the cabinet has doors 1-" + doors + ", not " + door);
        }
        boolean opened = ask(LockBoardFrames.OPEN, door);
        if (!opened) {
            throw DeviceException.rejected("door " + door + " failed to open (the board reports it still locked)");
        }
        return "door " + door + " open";
    }

    @Override
    public void probe() throws DeviceException {
        for (int door = 1; door <= doors; door++) {
            ask(LockBoardFrames.QUERY, door);
        }
        Instant limit = Instant.now().minus(leftOpenAfter);
        for (Map.Entry<Integer, Instant> e : new TreeMap<>(openedAt).entrySet()) {
            if (e.getValue().isBefore(limit)) {
                throw new DeviceException(StatusDetail.DEVICE_ERROR, "door " + e.getKey() + " left open since " + e.getValue(), null);
            }
        }
    }

    private boolean ask(int head, int door) throws DeviceException {
        boolean isOpen;
        try {
            isOpen = frames.exchange(context.link(), head, door, timeout);
        } catch (IOException e) {
            throw new DeviceException(StatusDetail.COMMUNICATION_ERROR, "board behind " + context.config().host() + ":"
                    + context.config().port() + ": " + e.getMessage(), e);
        }
        Boolean was = open.put(door, isOpen);
        if (!isOpen) {
            openedAt.remove(door);
        } else if (!Boolean.TRUE.equals(was) || !openedAt.containsKey(door)) {
            openedAt.put(door, Instant.now());
        }
        return isOpen;
    }

    @Override
    public Map<String, String> children() {
        Map<String, String> out = new TreeMap<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        for (int door = 1; door <= doors; door++) {
            Boolean o = open.get(door);
            out.put(Integer.toString(door), o == null ? "unknown" : o ? "open" : "closed");
        }
        return out;
    }

    @Override
    public void dispose() {
        // the node closes the link; nothing else is held
    }
}
