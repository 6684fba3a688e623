package io.istiomc.plan;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pulumirpc.Resource.RegisterResourceRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each need {@link SdkInternals} meets with the SDK's internals, exercised on a tiny program: when an SDK
 * upgrade breaks one, this test fails and says which, before the plan silently loses it.
 */
class SdkInternalsTest {
    private static final String BROKEN = "SdkInternals no longer works with this Pulumi SDK (written against pulumi-java 1.36.1): ";

    private static final class Echo implements Mocks {
        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
        }
    }

    @Test
    @DisplayName("the SDK internals the plan uses still pass config, show parents and dependencies, mark secrets and count errors")
    void everyInternalSeamStillWorks() {
        var requests = Collections.synchronizedList(new ArrayList<RegisterResourceRequest>());
        var configSeen = new AtomicReference<String>();
        var result = SdkInternals.runUnderMocks(
                TestOptions.builder().projectName("p").stackName("s").preview(false).build(), new Echo(),
                Map.of("p:greeting", "hello"), (request, response) -> requests.add(request), ctx -> {
                    configSeen.set(ctx.config().get("greeting").orElse("<missing>"));
                    var parent = new ComponentResource("test:index:Parent", "parent");
                    var first = new ConfigMap("first", ConfigMapArgs.builder()
                            .metadata(ObjectMetaArgs.builder().name("first").build()).build(),
                            CustomResourceOptions.builder().parent(parent).build());
                    new ConfigMap("second", ConfigMapArgs.builder()
                            .metadata(ObjectMetaArgs.builder().name("second").build()).build(),
                            CustomResourceOptions.builder().parent(parent).dependsOn(first).protect(true).build());
                    ctx.log().debug("dropped by the quiet logger");
                    ctx.log().error("counted");
                    ctx.export("plain", Output.of("p"));
                    ctx.export("hidden", Output.ofSecret("s"));
                });

        assertEquals("hello", configSeen.get(), BROKEN + "stack config no longer reaches the program");
        var second = requests.stream().filter(r -> r.getName().equals("second")).findFirst()
                .orElseThrow(() -> new AssertionError(BROKEN + "registrations are no longer reported: " + requests));
        var first = requests.stream().filter(r -> r.getName().equals("first")).findFirst().orElseThrow();
        assertTrue(second.getParent().endsWith("parent"), BROKEN + "the parent is lost: " + second.getParent());
        assertTrue(second.getDependenciesList().stream().anyMatch(urn -> urn.endsWith("::first")),
                BROKEN + "dependencies are lost: " + second.getDependenciesList());
        assertTrue(second.getProtect(), BROKEN + "protect is lost");
        assertTrue(first.getCustom(), BROKEN + "custom is lost");
        assertTrue(result.errors().stream().anyMatch(e -> e.contains("counted")), BROKEN + "errors are no longer counted: " + result.errors());
        assertEquals("p", SdkInternals.plainValue(result.outputs().get("plain")), BROKEN + "plain outputs");
        assertEquals(new Secret("s"), SdkInternals.plainValue(result.outputs().get("hidden")), BROKEN + "secret outputs are no longer marked");
        assertEquals(List.of(), result.exceptions());
    }
}
