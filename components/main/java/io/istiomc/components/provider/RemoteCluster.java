package io.istiomc.components.provider;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ComponentResourceOptions;

/**
 * {@code istio-multicluster:index:RemoteCluster} for every Pulumi language: the Java
 * {@link io.istiomc.components.RemoteCluster} over value-only args, with its outputs exported,
 * among them what the primary needs to watch it (API server, reader token and CA, both secret).
 * The four outputs it shares with {@link PrimaryCluster} are declared in each class: the SDK infers
 * a component's outputs from the fields its own class declares, not from a shared base.
 */
public final class RemoteCluster extends io.istiomc.components.RemoteCluster {
    /** The Istio cluster name. */
    @Export(name = "clusterName", refs = String.class)
    @Import(required = true)
    private final Output<String> clusterName;

    /** The network of the cluster's pods. */
    @Export(name = "network", refs = String.class)
    @Import(required = true)
    private final Output<String> network;

    /** The east-west gateway's address. */
    @Export(name = "gatewayAddress", refs = String.class)
    @Import(required = true)
    private final Output<String> gatewayAddress;

    /** The port other networks dial on the gateway address. */
    @Export(name = "gatewayPort", refs = Integer.class)
    @Import(required = true)
    private final Output<Integer> gatewayPort;

    /** The URL at which the primary reaches this cluster's API server. */
    @Export(name = "apiServer", refs = String.class)
    @Import(required = true)
    private final Output<String> apiServer;

    /** The reader ServiceAccount's bearer token. Secret. */
    @Export(name = "readerToken", refs = String.class)
    @Import(required = true)
    private final Output<String> readerToken;

    /** The API server's CA bundle, base64-encoded PEM. Secret. */
    @Export(name = "apiServerCaData", refs = String.class)
    @Import(required = true)
    private final Output<String> apiServerCaData;

    public RemoteCluster(String name, RemoteClusterArgs args, ComponentResourceOptions options) {
        super(name, args.toLibrary(), options);
        var handle = handle();
        this.clusterName = Output.of(handle.clusterName());
        this.network = Output.of(handle.network());
        this.gatewayAddress = handle.gateway().orElseThrow().address();
        this.gatewayPort = Output.of(handle.gateway().orElseThrow().port());
        this.apiServer = args.apiServer();
        this.readerToken = handle.reader().orElseThrow().token();
        this.apiServerCaData = handle.reader().orElseThrow().caData();
    }
}
