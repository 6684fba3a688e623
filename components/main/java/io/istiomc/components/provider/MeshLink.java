package io.istiomc.components.provider;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ComponentResourceOptions;

/**
 * {@code istio-multicluster:index:MeshLink} for every Pulumi language: the Java
 * {@link io.istiomc.components.MeshLink} over value-only args. Each primary is reached through a
 * Kubernetes provider the link declares for it, as its child, from the primary's context; the
 * watched clusters are described by their components' outputs.
 */
public final class MeshLink extends io.istiomc.components.MeshLink {
    /** The meshNetworks document every primary's istiod reads; empty when the mesh is on one network. */
    @Export(name = "meshNetworks", refs = String.class)
    @Import(required = true)
    private final Output<String> meshNetworks;

    public MeshLink(String name, MeshLinkArgs args, ComponentResourceOptions options) {
        super(name, args.toLibrary(), options);
        this.meshNetworks = meshNetworks().applyValue(document -> document.orElse(""));
    }

}
