package io.istiomc.components.provider;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ComponentResourceOptions;

/**
 * {@code istio-multicluster:index:PrimaryCluster} for every Pulumi language: the Java
 * {@link io.istiomc.components.PrimaryCluster} over value-only args, with its outputs exported.
 * ({@code @Import(required = true)} on an export marks it required in the inferred schema, so the
 * generated SDKs type it as always present.)
 */
public final class PrimaryCluster extends io.istiomc.components.PrimaryCluster {
    /** The Istio cluster name. */
    @Export(name = "clusterName", refs = String.class)
    @Import(required = true)
    private final Output<String> clusterName;

    /** The network of the cluster's pods. */
    @Export(name = "network", refs = String.class)
    @Import(required = true)
    private final Output<String> network;

    /** The east-west gateway's address: every remote's {@code remotePilotAddress}. */
    @Export(name = "gatewayAddress", refs = String.class)
    @Import(required = true)
    private final Output<String> gatewayAddress;

    /** The port other networks dial on the gateway address. */
    @Export(name = "gatewayPort", refs = Integer.class)
    @Import(required = true)
    private final Output<Integer> gatewayPort;

    public PrimaryCluster(String name, PrimaryClusterArgs args, ComponentResourceOptions options) {
        super(name, args.toLibrary(), options);
        var handle = handle();
        this.clusterName = Output.of(handle.clusterName());
        this.network = Output.of(handle.network());
        this.gatewayAddress = handle.gateway().orElseThrow().address();
        this.gatewayPort = Output.of(handle.gateway().orElseThrow().port());
    }
}
