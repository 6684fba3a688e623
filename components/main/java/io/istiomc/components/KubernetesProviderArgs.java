package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.resources.ResourceTransformation;

import javax.annotation.Nullable;
import java.util.Optional;

/**
 * The inputs this project gives pulumi-kubernetes' provider resource ({@code pulumi:providers:kubernetes}),
 * among them {@code enableSecretMutable}, which the plugin reads (from 4.18.0) but the 4.0.0 Java
 * SDK's {@code ProviderArgs} lacks. The names and the JSON encoding of the flags are those of the
 * SDK's own {@code ProviderArgs} ({@code @Import(json = true)} on its booleans), so the provider
 * sees the same configuration it would from any SDK.
 *
 * <p>The SDK's {@link Provider} takes only its own {@code ProviderArgs}; these args reach it through
 * {@link #asTransformation()}, the SDK's hook that hands a resource's constructor other args
 * before it registers ({@code com.pulumi.resources.Resource}'s constructor runs each
 * transformation and registers the args it returns). The resource stays a {@link Provider}, so
 * every place that takes one is unchanged.
 */
final class KubernetesProviderArgs extends ResourceArgs {
    @Import(name = "context")
    private final Output<String> context;

    @Import(name = "kubeconfig")
    private final @Nullable Output<String> kubeconfig;

    @Import(name = "enableServerSideApply", json = true)
    private final Output<Boolean> enableServerSideApply;

    /**
     * Secrets are updated in place rather than replaced when their data changes: pulumi-kubernetes'
     * {@code forceNewProperties} ({@code provider/pkg/provider/diff.go}) makes {@code .data},
     * {@code .stringData} and {@code .type} of a Secret replace-on-change unless this is set (and
     * the Secret is not {@code immutable}); a replaced remote secret of a fixed name is deleted
     * before it is created again, which istiod sees as the cluster leaving the mesh.
     */
    @Import(name = "enableSecretMutable", json = true)
    private final Output<Boolean> enableSecretMutable;

    /** Set only where asked: the provider then drops from the state what it cannot reach to delete. */
    @Import(name = "deleteUnreachable", json = true)
    private final @Nullable Output<Boolean> deleteUnreachable;

    private KubernetesProviderArgs(String context, Optional<Output<String>> kubeconfig, boolean deleteUnreachable) {
        this.context = Output.of(context);
        this.kubeconfig = kubeconfig.orElse(null);
        this.enableServerSideApply = Output.of(true);
        this.enableSecretMutable = Output.of(true);
        this.deleteUnreachable = deleteUnreachable ? Output.of(true) : null;
    }

    /** The provider of one kube context: server-side apply, mutable Secrets, and {@code deleteUnreachable} when asked. */
    static KubernetesProviderArgs of(String context, Optional<Output<String>> kubeconfig, boolean deleteUnreachable) {
        return new KubernetesProviderArgs(context, kubeconfig, deleteUnreachable);
    }

    /** The transformation that registers the provider with these args in place of the SDK's. */
    ResourceTransformation asTransformation() {
        return resource -> Optional.of(new ResourceTransformation.Result(this, resource.options()));
    }
}
