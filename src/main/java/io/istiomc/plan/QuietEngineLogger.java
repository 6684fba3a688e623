package io.istiomc.plan;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.resources.Resource;

import javax.annotation.Nullable;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;

/**
 * The SDK's engine logger without its debug messages. Each registration queues debug messages as
 * tasks of the SDK's runner; under the simulation nothing reads them, and dropping them makes a
 * plan about a third faster (measured by the benchmark: 1+200 from about 15 s to about 9 s).
 * Information, warnings and errors pass through, and errors are still counted.
 */
final class QuietEngineLogger implements EngineLogger {
    private final EngineLogger delegate;

    QuietEngineLogger(EngineLogger delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableFuture<Void> logAsync(Level level, String message, @Nullable Resource resource,
                                            @Nullable Integer streamId, @Nullable Boolean ephemeral) {
        if (level.intValue() < Level.INFO.intValue()) {
            return CompletableFuture.completedFuture(null);
        }
        return delegate.logAsync(level, message, resource, streamId, ephemeral);
    }

    @Override
    public int getErrorCount() {
        return delegate.getErrorCount();
    }

    @Override
    public boolean hasLoggedErrors() {
        return delegate.hasLoggedErrors();
    }
}
