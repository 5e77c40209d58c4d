package org.onedoor.api.locker;

/**
 * What the depositing clerk gets back: the deposit and its pickup code, to hand to the citizen.
 *
 * @param deposit       the deposit
 * @param pickupCode    the code that opens the door once (digits); not stored, cannot be read again
 * @param openSequence  the outbox entry that opens the door for the clerk
 */
public record DepositReceipt(Deposit deposit, String pickupCode, long openSequence) {

    @Override
    public String toString() {
        return "DepositReceipt[deposit=" + deposit + ", pickupCode=******, openSequence=" + openSequence + "]";
    }
}
