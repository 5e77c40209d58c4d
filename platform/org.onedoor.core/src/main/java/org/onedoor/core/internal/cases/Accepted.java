package org.onedoor.core.internal.cases;

/**
 * What an acceptance transaction returns: the case or bundle it made, or the one an earlier
 * request with the same idempotency key made ({@code replayed}, whose check code is not shown again).
 */
record Accepted<T>(T value, boolean replayed) {

    static <T> Accepted<T> made(T value) {
        return new Accepted<>(value, false);
    }

    static <T> Accepted<T> replay(T value) {
        return new Accepted<>(value, true);
    }
}
