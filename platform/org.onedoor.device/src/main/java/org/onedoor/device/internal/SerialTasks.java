package org.onedoor.device.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs tasks one after another, in the order they were given, on a shared executor. */
public final class SerialTasks {

    private static final Logger LOG = LoggerFactory.getLogger(SerialTasks.class);

    private final Executor executor;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    public SerialTasks(Executor executor) {
        this.executor = executor;
    }

    /** Queues a task; never blocks. */
    public void run(Runnable task) {
        tasks.add(task);
        schedule();
    }

    private void schedule() {
        if (!tasks.isEmpty() && running.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                running.set(false);
                LOG.debug("the executor is stopping; {} task(s) left", tasks.size());
            }
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("A device task failed", e);
                }
            }
        } finally {
            running.set(false);
            schedule();
        }
    }
}
