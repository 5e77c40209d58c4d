package org.onedoor.core.internal.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.onedoor.api.locker.Deposit;
import org.onedoor.api.locker.DepositReceipt;
import org.onedoor.api.locker.LockerDoor;
import org.onedoor.api.locker.LockerEvent;
import org.onedoor.api.locker.LockerException;
import org.onedoor.api.locker.PickupLockers;

/**
 * Pickup lockers for core tests, where the real service (device bundle, outbox, board) cannot run:
 * cabinets of a few doors in memory, deposits with predictable codes, pickups that emit the event.
 */
final class LockerDouble implements PickupLockers {

    private final Map<String, Integer> doors = new ConcurrentHashMap<>();
    final List<Deposit> deposits = new CopyOnWriteArrayList<>();
    final List<Long> withdrawn = new CopyOnWriteArrayList<>();
    private final List<Consumer<LockerEvent>> listeners = new CopyOnWriteArrayList<>();
    /** Runs inside {@link #deposit}, after the deposit is made: lets a test change the world meanwhile. */
    volatile Runnable afterDeposit = () -> { };

    LockerDouble cabinet(String id, int doorCount) {
        doors.put(id, doorCount);
        return this;
    }

    @Override
    public List<String> cabinets() {
        return doors.keySet().stream().sorted().toList();
    }

    @Override
    public List<LockerDoor> doors(String cabinetId) {
        throw new UnsupportedOperationException();
    }

    private List<Deposit> waiting(String cabinetId) {
        return deposits.stream().filter(d -> d.cabinetId().equals(cabinetId) && d.waiting() && !withdrawn.contains(d.id())).toList();
    }

    @Override
    public synchronized DepositReceipt deposit(String cabinetId, String reference, String depositedBy) {
        Integer count = doors.get(cabinetId);
        if (count == null) {
            throw new LockerException(LockerException.Reason.UNKNOWN_CABINET, "no cabinet " + cabinetId);
        }
        List<Integer> used = waiting(cabinetId).stream().map(Deposit::door).toList();
        int door = 1;
        while (used.contains(door)) {
            door++;
        }
        if (door > count) {
            throw new LockerException(LockerException.Reason.NO_FREE_DOOR, "no free door in " + cabinetId);
        }
        Deposit d = new Deposit(deposits.size() + 100, cabinetId, door, reference, depositedBy, Instant.now(), Optional.empty());
        deposits.add(d);
        afterDeposit.run();
        return new DepositReceipt(d, String.format("%06d", 700000 + d.id()), d.id());
    }

    @Override
    public Deposit pickup(String cabinetId, String code, String origin) {
        Deposit d = deposits.stream().filter(x -> String.format("%06d", 700000 + x.id()).equals(code)).findFirst()
                .orElseThrow(() -> new LockerException(LockerException.Reason.WRONG_CODE, "wrong code"));
        LockerEvent e = new LockerEvent(LockerEvent.Type.PICKED_UP, cabinetId, d.door(), d.id(), Instant.now(), "取件 " + d.reference());
        listeners.forEach(l -> l.accept(e));
        return d;
    }

    @Override
    public Deposit withdraw(String cabinetId, long depositId, String reason) {
        withdrawn.add(depositId);
        return deposits.stream().filter(d -> d.id() == depositId).findFirst().orElseThrow();
    }

    @Override
    public LockerDoor returnToService(String cabinetId, int door) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AutoCloseable subscribe(Consumer<LockerEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    List<String> references() {
        List<String> out = new ArrayList<>();
        deposits.forEach(d -> out.add(d.reference()));
        return out;
    }
}
