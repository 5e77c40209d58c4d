package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gathering of concurrent requests into batches, one batch at a time. */
class GroupCommitTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Waits until {@code n} requests wait behind the running batch. */
    private static void awaitWaiting(GroupCommit<?, ?> g, int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (g.waiting() < n) {
            assertTrue(System.nanoTime() < until, "only " + g.waiting() + " of " + n + " requests came to wait");
            Thread.sleep(5);
        }
    }

    @Test
    void requestsArrivingWhileABatchRunsFormTheNextBatchAndEachGetsItsOwnAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        GroupCommit<Integer, String> g = new GroupCommit<>(64, batch -> {
            batches.add(batch);
            if (batches.size() == 1) {
                await(release);
            }
            return batch.stream().map(i -> GroupCommit.Outcome.of("answer " + i)).toList();
        });
        Future<String> first = pool.submit(() -> g.submit(0));
        awaitRunning(batches, 1);
        List<Future<String>> others = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            int n = i;
            others.add(pool.submit(() -> g.submit(n)));
        }
        awaitWaiting(g, 20);
        for (Future<String> f : others) {
            assertFalse(f.isDone(), "no request is answered before the batch that holds it has run");
        }
        release.countDown();
        assertEquals("answer 0", first.get(10, TimeUnit.SECONDS));
        for (int i = 0; i < others.size(); i++) {
            assertEquals("answer " + (i + 1), others.get(i).get(10, TimeUnit.SECONDS));
        }
        assertEquals(2, batches.size(), "the twenty requests that waited ran as one batch: " + batches);
        assertEquals(List.of(0), batches.get(0));
        assertEquals(20, batches.get(1).size());
        assertEquals(0, g.waiting());
    }

    @Test
    void aBatchTakesAtMostMaxBatchRequestsAndTheRestRunNext() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        GroupCommit<Integer, Integer> g = new GroupCommit<>(4, batch -> {
            sizes.add(batch.size());
            if (sizes.size() == 1) {
                await(release);
            }
            return batch.stream().map(GroupCommit.Outcome::of).toList();
        });
        Future<Integer> first = pool.submit(() -> g.submit(-1));
        awaitRunning(sizes, 1);
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            others.add(pool.submit(() -> g.submit(n)));
        }
        awaitWaiting(g, 10);
        release.countDown();
        assertEquals(-1, first.get(10, TimeUnit.SECONDS));
        for (int i = 0; i < 10; i++) {
            assertEquals(i, others.get(i).get(10, TimeUnit.SECONDS), "every caller gets its own result");
        }
        assertEquals(List.of(1, 4, 4, 2), sizes);
    }

    @Test
    void anOutcomesFailureGoesToItsCallerOnlyAndABatchFailureToEveryCallerOfThatBatch() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        GroupCommit<Integer, Integer> g = new GroupCommit<>(64, batch -> {
            if (runs.incrementAndGet() == 2) {
                throw new IllegalStateException("the store is down");
            }
            return batch.stream().map(i -> i < 0 ? GroupCommit.Outcome.<Integer>failed(new IllegalArgumentException("negative " + i))
                    : GroupCommit.Outcome.of(i * 2)).toList();
        });
        assertEquals(4, g.submit(2));
        IllegalStateException down = assertThrows(IllegalStateException.class, () -> g.submit(3));
        assertEquals("the store is down", down.getMessage());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> g.submit(-1));
        assertEquals("negative -1", refused.getMessage());
        assertEquals(10, g.submit(5), "the stream goes on after a failed batch");
    }

    @Test
    void aFailedBatchFailsAllItsWaitingCallersWithTheSameFailure() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("commit failed");
        GroupCommit<Integer, Integer> g = new GroupCommit<>(64, batch -> {
            int run = runs.incrementAndGet();
            if (run == 1) {
                await(release);
                return batch.stream().map(GroupCommit.Outcome::of).toList();
            }
            throw boom;
        });
        Future<Integer> first = pool.submit(() -> g.submit(1));
        while (runs.get() == 0) {
            Thread.sleep(5);
        }
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(pool.submit(() -> g.submit(7)));
        }
        awaitWaiting(g, 5);
        release.countDown();
        assertEquals(1, first.get(10, TimeUnit.SECONDS));
        for (Future<Integer> f : others) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
            assertSame(boom, e.getCause(), "none of the batch is acknowledged");
        }
        assertEquals(2, runs.get());
    }

    @Test
    void manyConcurrentCallersAreEachAnsweredOnceWithTheirOwnResult() throws Exception {
        AtomicInteger inBatch = new AtomicInteger();
        GroupCommit<Integer, Integer> g = new GroupCommit<>(16, batch -> {
            assertEquals(1, inBatch.incrementAndGet(), "one batch runs at a time");
            try {
                return batch.stream().map(i -> GroupCommit.Outcome.of(i + 1000)).toList();
            } finally {
                inBatch.decrementAndGet();
            }
        });
        List<Future<Integer>> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            int n = i;
            all.add(pool.submit(() -> g.submit(n)));
        }
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1000, all.get(i).get(30, TimeUnit.SECONDS));
        }
        assertEquals(0, g.waiting());
    }

    private static void awaitRunning(List<?> runs, int n) throws InterruptedException {
        while (runs.size() < n) {
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
