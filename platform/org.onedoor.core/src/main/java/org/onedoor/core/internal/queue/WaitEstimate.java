package org.onedoor.core.internal.queue;

/** Estimates a waiting ticket's wait from its position, recent service times and the windows serving its zone. */
final class WaitEstimate {

    private WaitEstimate() {
    }

    /**
     * @param position       1 for the next ticket
     * @param serviceMinutes average minutes per service
     * @param openWindows    windows signed in, not paused, that serve the zone
     * @return whole minutes, rounded up; with no window open, as if one were
     */
    static int minutes(int position, double serviceMinutes, int openWindows) {
        double ahead = Math.max(0, position - 1) + 0.5;
        return (int) Math.ceil(ahead * serviceMinutes / Math.max(1, openWindows));
    }
}
