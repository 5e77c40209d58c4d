package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Clerks accepting the first cases of a day at the same moment get distinct numbers. */
class ConcurrentAcceptanceTest {

    @Test
    void simultaneousAcceptancesGetDistinctNumbers() throws Exception {
        CaseFixture f = new CaseFixture();
        int n = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<String> accept = () -> {
                    start.await();
                    return f.cases.accept(CaseFixture.online(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK).hallCase().number();
                };
                numbers.add(pool.submit(accept));
            }
            start.countDown();
            Set<String> distinct = new HashSet<>();
            for (Future<String> number : numbers) {
                distinct.add(number.get());
            }
            assertEquals(n, distinct.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
