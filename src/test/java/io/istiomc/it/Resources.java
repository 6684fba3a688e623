package io.istiomc.it;

/** What an integration test class started (servers, chart repositories), stopped together after its tests. */
final class Resources {
    private Resources() {
    }

    /**
     * Closes each resource that was started (nulls are those that were not), every one even when an
     * earlier one fails; the first failure is rethrown with the others suppressed.
     */
    static void closeAll(AutoCloseable... resources) {
        RuntimeException failure = null;
        for (var resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException r ? r : new RuntimeException(e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Prints the benchmark line of a test class that started at {@code startNanos}. */
    static void reportDuration(String what, long startNanos) {
        System.out.println("benchmark: " + what + " ran in " + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
    }
}
