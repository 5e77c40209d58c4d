package org.onedoor.api.locker;

import java.util.List;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Deposits results into pickup-locker doors and hands them out by pickup code; offered by the node.
 *
 * <p>Thread-safe. Every method except {@link #subscribe} blocks on the database; {@link #pickup}
 * also waits (a few seconds at most) for the cabinet to report the door open.
 */
@ProviderType
public interface PickupLockers {

    /** @return the ids of the locker cabinets configured on this node, ascending */
    List<String> cabinets();

    /**
     * @param cabinetId a cabinet
     * @return each door of the cabinet with its use and its last reported state, by door number
     * @throws LockerException {@link LockerException.Reason#UNKNOWN_CABINET}
     */
    List<LockerDoor> doors(String cabinetId);

    /**
     * Puts a result into a free door: chooses the door, stores the deposit with a new pickup code
     * (only its hash is kept) and queues the door's opening so that the result can be placed.
     *
     * @param cabinetId   the cabinet
     * @param reference   what is deposited, e.g. a case number; 1-128 characters
     * @param depositedBy who deposits it (a user name)
     * @return the deposit with its pickup code; the code is not kept and cannot be read again
     * @throws LockerException {@link LockerException.Reason#UNKNOWN_CABINET},
     *                         {@link LockerException.Reason#NO_FREE_DOOR}, {@link LockerException.Reason#INVALID}
     */
    DepositReceipt deposit(String cabinetId, String reference, String depositedBy);

    /**
     * Opens the door of the deposit that has this pickup code; a code opens its door once.
     *
     * @param cabinetId the cabinet at whose kiosk the code was typed
     * @param code      the pickup code
     * @param origin    where the request came from (the kiosk's address), for the attempt limit
     * @return the deposit, now picked up
     * @throws LockerException {@link LockerException.Reason#WRONG_CODE}, {@link LockerException.Reason#CODE_USED},
     *                         {@link LockerException.Reason#TOO_MANY_ATTEMPTS}, {@link LockerException.Reason#CABINET_OFFLINE},
     *                         {@link LockerException.Reason#DOOR_FAILED_TO_OPEN}, {@link LockerException.Reason#UNKNOWN_CABINET},
     *                         {@link LockerException.Reason#INVALID}
     */
    Deposit pickup(String cabinetId, String code, String origin);

    /**
     * Takes a waiting deposit back: its pickup code stops working and its door is free again (the
     * door is not opened; whoever deposited it takes the result back). For a caller that deposited
     * and then could not record the delivery the deposit was made for.
     *
     * @param cabinetId the cabinet
     * @param depositId the deposit, as in {@link DepositReceipt#deposit()}
     * @param reason    why, for the log and the deposit's record (at most 100 characters are kept)
     * @return the deposit, now ended
     * @throws LockerException {@link LockerException.Reason#UNKNOWN_CABINET}, {@link LockerException.Reason#INVALID}
     *                         (no such deposit), {@link LockerException.Reason#CODE_USED} (it was picked up already)
     */
    Deposit withdraw(String cabinetId, long depositId, String reason);

    /**
     * Returns a door taken out of service (it failed to open) to service, e.g. after a technician
     * repaired its lock; a deposit it holds stays in it.
     *
     * @param cabinetId the cabinet
     * @param door      the door, 1 to the cabinet's door count
     * @return the door as it is now
     * @throws LockerException {@link LockerException.Reason#UNKNOWN_CABINET}, {@link LockerException.Reason#INVALID}
     */
    LockerDoor returnToService(String cabinetId, int door);

    /**
     * @param listener called for each locker event of this node's cabinets, on a device thread; must not block
     * @return closing it ends the subscription
     */
    AutoCloseable subscribe(Consumer<LockerEvent> listener);
}
