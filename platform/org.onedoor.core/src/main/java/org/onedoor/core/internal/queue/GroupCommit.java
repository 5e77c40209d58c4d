package org.onedoor.core.internal.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * Gathers concurrent requests of one stream (a zone's ticket issues) into batches run one after the
 * other: a caller that finds no batch running runs one itself with every request waiting then (up
 * to {@code maxBatch}, its own first); a caller that finds one running waits, and is answered by the
 * batch that took its request, or is asked to run the next batch itself. So one batch runs at a time,
 * the requests arriving while it runs form the next one, and every caller returns only after the
 * batch that holds its request has returned: for a batch that commits one transaction,
 * acknowledged means committed. A failure of the whole batch (an exception of {@code run}) is
 * thrown to each of its callers; an outcome's own failure only to its caller.
 *
 * @param <R> a request
 * @param <T> its result
 */
final class GroupCommit<R, T> {

    /** The result of one request: a value, or the exception its caller gets. */
    record Outcome<T>(T value, RuntimeException failure) {

        static <T> Outcome<T> of(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> failed(RuntimeException failure) {
            return new Outcome<>(null, failure);
        }
    }

    private final int maxBatch;
    /** Runs one batch: one outcome per request, in the requests' order. */
    private final Function<List<R>, List<Outcome<T>>> run;
    private final ArrayDeque<Slot<R, T>> waiting = new ArrayDeque<>();
    /** Whether a caller runs batches now; when false, nothing waits. */
    private boolean running;

    GroupCommit(int maxBatch, Function<List<R>, List<Outcome<T>>> run) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.run = run;
    }

    /** @return the request's result, once the batch that took it has returned */
    T submit(R request) {
        Slot<R, T> mine = new Slot<>(request);
        boolean lead;
        synchronized (this) {
            waiting.add(mine);
            lead = !running;
            running = true;
        }
        if (!lead) {
            mine.await();
            if (!mine.lead) {
                return mine.result();
            }
        }
        runBatch();
        return mine.result();
    }

    /** Runs the next batch: the waiting requests from the head, the caller's own first. */
    private void runBatch() {
        List<Slot<R, T>> batch = new ArrayList<>();
        synchronized (this) {
            while (batch.size() < maxBatch && !waiting.isEmpty()) {
                batch.add(waiting.poll());
            }
        }
        try {
            List<R> requests = batch.stream().map(s -> s.request).toList();
            List<Outcome<T>> outcomes = run.apply(requests);
            if (outcomes.size() != batch.size()) {
                throw new IllegalStateException("the batch answered " + outcomes.size() + " of " + batch.size() + " requests");
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer(outcomes.get(i));
            }
        } catch (RuntimeException e) {
            batch.forEach(s -> s.answer(Outcome.failed(e)));
        } catch (Error e) {
            batch.forEach(s -> s.answer(Outcome.failed(new IllegalStateException("the batch failed: " + e, e))));
            throw e;
        } finally {
            handOver();
        }
    }

    /** The head of the waiting requests runs the next batch; none waiting: nothing runs. */
    private void handOver() {
        Slot<R, T> next;
        synchronized (this) {
            next = waiting.peek();
            running = next != null;
        }
        if (next != null) {
            next.lead = true;
            next.done.countDown();
        }
    }

    /** @return how many requests wait for a batch now (tests) */
    synchronized int waiting() {
        return waiting.size();
    }

    /** One caller's request and, once known, its outcome or the order to run the next batch. */
    private static final class Slot<R, T> {
        private final R request;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile Outcome<T> outcome;
        private volatile boolean lead;

        Slot(R request) {
            this.request = request;
        }

        void answer(Outcome<T> o) {
            if (outcome == null) {
                outcome = o;
                done.countDown();
            }
        }

        void await() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the batch may hold the request already: its answer is awaited
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        T result() {
            Outcome<T> o = outcome;
            if (o == null) {
                throw new IllegalStateException("no outcome for the request");
            }
            if (o.failure() != null) {
                throw o.failure();
            }
            return o.value();
        }
    }
}
