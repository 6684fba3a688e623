package io.istiomc.plan;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * The only place that uses the Pulumi SDK's internals ({@code com.pulumi.*.internal}, pulumi-java 1.36.1).
 * The public {@code com.pulumi.test} API runs a program under {@link Mocks} with {@link TestOptions}, but it
 * cannot pass stack configuration, does not show a registration's parent, dependencies or protect flag
 * (the mocks see only type, name, inputs and provider), cannot tell a secret output from a plain one,
 * and cannot quiet the engine logger. Those four needs are met here; {@code plan.SdkInternalsTest} exercises
 * each of them and fails, naming this class, when an SDK upgrade breaks one.
 */
final class SdkInternals {
    private SdkInternals() {
    }

    /**
     * Runs {@code program} under {@code mocks} with the given stack configuration (full keys, JSON values for
     * objects), telling {@code registered} of every registration the engine answered, with the engine's debug
     * messages dropped. The SDK's test deployment is a process-wide singleton: callers run one at a time.
     */
    static TestResult runUnderMocks(TestOptions options, Mocks mocks, Map<String, String> config,
                                    BiConsumer<RegisterResourceRequest, RegisterResourceResponse> registered,
                                    Consumer<Context> program) {
        try {
            return PulumiTestInternal.builder()
                    .options(options)
                    .mocks(mocks)
                    .monitorDecorator(ignored -> new ListeningMonitor(mocks, registered))
                    .deploymentFactory(state -> {
                        state.logger = new QuietEngineLogger(state.logger);
                        return new DeploymentImpl(state);
                    })
                    .config(config)
                    .build()
                    .runTest(program);
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    /** The value of a resolved output, as a {@link Secret} when Pulumi marks it secret. */
    static Object plainValue(Output<?> output) {
        OutputData<?> data = PulumiTestInternal.extractOutputData(output);
        var value = data.getValueNullable();
        return data.isSecret() ? new Secret(value) : value;
    }

    /** The SDK's mock monitor, telling of each registration request next to the engine's answer. */
    private static final class ListeningMonitor extends MockMonitor {
        private final BiConsumer<RegisterResourceRequest, RegisterResourceResponse> registered;

        ListeningMonitor(Mocks mocks, BiConsumer<RegisterResourceRequest, RegisterResourceResponse> registered) {
            super(mocks, PulumiTestInternal.mockLog());
            this.registered = registered;
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
            return super.registerResourceAsync(resource, request).thenApply(response -> {
                registered.accept(request, response);
                return response;
            });
        }
    }

    /**
     * The SDK's engine logger without its debug messages. Each registration queues debug messages as
     * tasks of the SDK's runner; under the simulation nothing reads them, and dropping them makes a
     * plan about a third faster (measured by the benchmark: 1+200 from about 15 s to about 9 s).
     * Information, warnings and errors pass through, and errors are still counted.
     */
    static final class QuietEngineLogger implements EngineLogger {
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
}
