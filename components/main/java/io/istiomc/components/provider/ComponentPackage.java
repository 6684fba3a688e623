package io.istiomc.components.provider;

import com.google.gson.GsonBuilder;
import com.pulumi.provider.internal.ComponentProvider;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.Provider;
import com.pulumi.provider.internal.ResourceProviderService;
import com.pulumi.provider.internal.infer.ComponentAnalyzer;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.provider.internal.models.GetSchemaResponse;
import io.istiomc.components.Mesh;
import io.istiomc.components.MeshCertificateAuthority;
import io.istiomc.components.MeshLink;
import io.istiomc.components.PrimaryCluster;
import io.istiomc.components.RemoteCluster;
import io.istiomc.components.SampleApps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The provider plugin: the Pulumi engine starts it (through {@code PulumiPlugin.yaml}, runtime
 * {@code java}) with the engine's address as the one argument, and it serves {@code GetSchema} and
 * {@code Construct} for the library's own component classes, {@link #COMPONENTS}: the classes a Java
 * program uses are the ones every other language gets.
 *
 * <p>It is pulumi-java's {@code ComponentProviderHost} with one difference: that host finds the
 * components by scanning the package with Reflections and infers a schema for every
 * {@code ComponentResource} it finds, and the library's package also holds the Java building blocks
 * that are not served ({@link MeshLink} and {@link SampleApps} take providers and other components,
 * which the SDK cannot pass between languages), for which inference fails. Here the served
 * components are listed; the schema is inferred by the SDK's {@code ComponentAnalyzer} and
 * {@code Construct} is the SDK's {@code ComponentProvider} over the library's package, both exactly
 * as the host uses them.
 */
public final class ComponentPackage implements Provider {
    /** The package name: the first part of every type token ({@code istio-multicluster:index:PrimaryCluster}). */
    public static final String NAME = "istio-multicluster";
    /** The package version the schema announces; the plugin's version comes from the CLI. */
    public static final String VERSION = "0.1.0";
    /** Every component the package serves; the type token is {@code NAME:index:<simple name>}. */
    public static final List<Class<?>> COMPONENTS = List.of(
            Mesh.class, MeshCertificateAuthority.class, PrimaryCluster.class, RemoteCluster.class);

    private final Metadata metadata = new Metadata(NAME, VERSION);
    private final ComponentProvider constructor = new ComponentProvider(metadata, Mesh.class.getPackage());

    @Override
    public CompletableFuture<GetSchemaResponse> getSchema(GetSchemaRequest request) {
        var schema = ComponentAnalyzer.generateSchema(metadata, COMPONENTS.toArray(Class<?>[]::new));
        return CompletableFuture.completedFuture(new GetSchemaResponse(
                new GsonBuilder().setPrettyPrinting().create().toJson(schema)));
    }

    /**
     * Constructs a component as the SDK's {@code ComponentProvider} does, with the reason of a
     * refusal as the failure's own message. That provider wraps whatever the constructor throws in
     * {@code RuntimeException("Failed to construct component: <type>")}, and pulumi-java 1.36.1's
     * {@code ResourceProviderService} sends the engine only the message of the construct's failure
     * (unwrapping one {@code CompletionException}): a YAML or TypeScript caller would see that
     * sentence and never which input is wrong. The failure is also returned, not thrown, since the
     * SDK's runner turns a thrown one into "Multiple exceptions occurred" (it records the
     * {@code CompletionException} and its cause).
     */
    @Override
    public CompletableFuture<ConstructResponse> construct(ConstructRequest request) {
        // The SDK would resolve any class of the library's package, the Java-only building blocks too.
        var served = COMPONENTS.stream().map(c -> NAME + ":index:" + c.getSimpleName()).toList();
        if (!served.contains(request.getType())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(NAME + " serves no component '"
                    + request.getType() + "'; it serves " + String.join(", ", served)));
        }
        try {
            return constructor.construct(request).exceptionallyCompose(e -> CompletableFuture.failedFuture(refusal(e)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(refusal(e));
        }
    }

    /** The failure with the reason as its message: the first cause that is not one of the SDK's or Java's wrappers. */
    static RuntimeException refusal(Throwable failure) {
        var reason = failure;
        while (reason.getCause() != null && (reason instanceof java.util.concurrent.CompletionException
                || reason instanceof java.util.concurrent.ExecutionException
                || reason instanceof java.lang.reflect.InvocationTargetException
                || String.valueOf(reason.getMessage()).startsWith("Failed to construct component: "))) {
            reason = reason.getCause();
        }
        var message = reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
        return new IllegalArgumentException(message, failure);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals(DISCOVERY_ARGUMENT)) {
            // Plugin discovery of the program (`mvn -DmainClass=... -DmainArgs=packages compile exec:java` at the
            // root) sets mainArgs, which activates this module's component-plugin profile too: answer nothing,
            // so the program module's list is the only JSON on stdout, instead of serving until killed.
            return;
        }
        new ResourceProviderService(engineAddress(args), new ComponentPackage()).startAndBlockUntilShutdown();
    }

    /** What Pulumi's Java host passes in mainArgs to list a program's plugins. */
    static final String DISCOVERY_ARGUMENT = "packages";

    /** The one argument that is not a logging flag the engine passes to every plugin. */
    static String engineAddress(String[] args) {
        var rest = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            if (arg.equals("--tracing")) {
                i++;
            } else if (!arg.equals("--logtostderr") && !arg.equals("--logflow") && !arg.startsWith("-v=")) {
                rest.add(arg);
            }
        }
        if (rest.size() != 1) {
            throw new IllegalArgumentException("expected the engine address as the one argument, got " + rest);
        }
        return rest.get(0);
    }
}
