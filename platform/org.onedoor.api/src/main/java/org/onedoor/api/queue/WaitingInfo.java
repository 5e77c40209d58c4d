package org.onedoor.api.queue;

/**
 * Where a waiting ticket stands.
 *
 * @param position             1 for the next to be called in its zone
 * @param estimatedWaitMinutes an estimate from recent service times and the windows open for the zone
 */
public record WaitingInfo(int position, int estimatedWaitMinutes) {
}
