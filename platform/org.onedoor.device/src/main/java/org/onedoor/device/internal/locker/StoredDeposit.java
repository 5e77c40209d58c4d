package org.onedoor.device.internal.locker;

import org.onedoor.api.locker.Deposit;

/** A deposit with its code's salt and hash, as read from the store. */
record StoredDeposit(Deposit deposit, String salt, String hash) {

    boolean matches(String code) {
        return PickupCodes.matches(salt, hash, code);
    }
}
