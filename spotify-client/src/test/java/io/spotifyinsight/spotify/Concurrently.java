package io.spotifyinsight.spotify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Calls made from several threads at once, for the tests of what the client shares. */
final class Concurrently {

    private Concurrently() {}

    /**
     * Runs {@code calls} on {@code threads} threads, released together once all are queued, and
     * returns their answers in the order of {@code calls}; the pool is stopped whatever happens.
     *
     * @param eachWithin how long to wait for each answer
     * @throws java.util.concurrent.ExecutionException when a call failed
     * @throws java.util.concurrent.TimeoutException when an answer took longer
     */
    static <T> List<T> answers(int threads, Duration eachWithin, List<Callable<T>> calls)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(
                        pool.submit(
                                () -> {
                                    go.await();
                                    return call.call();
                                }));
            }
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(eachWithin.toMillis(), TimeUnit.MILLISECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
