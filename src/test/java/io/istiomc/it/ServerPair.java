package io.istiomc.it;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Two real API servers, a primary and a remote, started in parallel with Istio's CRDs Established
 * in both; closing stops both, the remote even when stopping the primary fails.
 */
final class ServerPair implements AutoCloseable {
    final KubeApiServer primary = new KubeApiServer("primary");
    final KubeApiServer remote = new KubeApiServer("remote");

    /** Starts both and installs the CRDs, printing the benchmark lines; on failure stops what started. */
    static ServerPair startWithIstioCrds() {
        var pair = new ServerPair();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long t0 = System.nanoTime();
            CompletableFuture.allOf(CompletableFuture.runAsync(pair.primary::start, pool),
                    CompletableFuture.runAsync(pair.remote::start, pool)).join();
            System.out.println("benchmark: kube-apiserver pair started in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
            System.out.println("kube-it: primary " + pair.primary.url() + " ready in " + pair.primary.startupMillis()
                    + " ms, remote " + pair.remote.url() + " ready in " + pair.remote.startupMillis() + " ms");
            long t1 = System.nanoTime();
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> IstioCrds.installForKube120(pair.primary.client(), Duration.ofSeconds(90)), pool),
                    CompletableFuture.runAsync(() -> IstioCrds.installForKube120(pair.remote.client(), Duration.ofSeconds(90)), pool))
                    .join();
            System.out.println("kube-it: Istio CRDs installed and Established in both in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1) + " ms");
            return pair;
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        Resources.closeAll(primary, remote);
    }
}
