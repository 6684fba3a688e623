package io.istiomc.components.provider;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ComponentResourceOptions;
import io.istiomc.components.ClusterHandle;

/**
 * {@code istio-multicluster:index:PrimaryCluster} for every Pulumi language: the Java
 * {@link io.istiomc.components.PrimaryCluster} over value-only args, with its outputs exported:
 * what its remotes, a {@code MeshLink} and, when watched, the other primaries' links take.
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

    /** The east-west gateway's address, where the topology gives the cluster one: every remote's {@code remotePilotAddress}. */
    @Export(name = "gatewayAddress", refs = String.class)
    private final Output<String> gatewayAddress;

    /** The port other networks dial on the gateway address, where there is a gateway. */
    @Export(name = "gatewayPort", refs = Integer.class)
    private final Output<Integer> gatewayPort;

    /** The revision of the istiod release: a {@code MeshLink} watcher's {@code istiodRevision}. */
    @Export(name = "istiodRevision", refs = String.class)
    @Import(required = true)
    private final Output<String> istiodRevision;

    /** Where the other primaries reach this cluster's API server, as given; only when {@code watched}. */
    @Export(name = "apiServer", refs = String.class)
    private final Output<String> apiServer;

    /** The reader ServiceAccount's bearer token, only when {@code watched}. Secret. */
    @Export(name = "readerToken", refs = String.class)
    private final Output<String> readerToken;

    /** The API server's CA bundle, base64-encoded PEM, only when {@code watched}. Secret. */
    @Export(name = "apiServerCaData", refs = String.class)
    private final Output<String> apiServerCaData;

    public PrimaryCluster(String name, PrimaryClusterArgs args, ComponentResourceOptions options) {
        super(name, args.toLibrary(), options);
        var handle = handle();
        this.clusterName = Output.of(handle.clusterName());
        this.network = Output.of(handle.network());
        this.gatewayAddress = Exported.gatewayAddress(handle);
        this.gatewayPort = Exported.gatewayPort(handle);
        this.istiodRevision = io.istiomc.components.MeshLink.istiodRevision(handle.istiod());
        this.apiServer = args.apiServer().orElseGet(() -> Output.ofNullable(null));
        this.readerToken = Exported.reader(handle, ClusterHandle.Reader::token);
        this.apiServerCaData = Exported.reader(handle, ClusterHandle.Reader::caData);
    }
}
