package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Optional;

/**
 * A remote cluster: no istiod of its own; its sidecars and its injection webhook use the istiod of
 * its primary through that primary's east-west gateway (steps "Configure cluster2 as a remote" of
 * Istio's guides).
 *
 * <p>Children: the cluster's Kubernetes provider; namespace {@code istio-system} labelled with the
 * network and annotated with its primary as its control plane; {@code cacerts}; the {@code base} and
 * {@code istiod} (remote profile) releases; reader access (every remote is watched by its primary);
 * and, where the mesh spans several networks, the east-west gateway (Service and release).
 */
public class RemoteCluster extends ComponentResource {
    public static final String TYPE = "istio-multicluster:index:RemoteCluster";

    // The outputs every language sees, the same as PrimaryCluster's (declared here again: the SDK
    // infers a component's outputs from the fields its own class declares).
    /** The Istio cluster name. */
    @Export(name = "clusterName", refs = String.class)
    @Import(required = true)
    private final Output<String> clusterName;

    /** The network of the cluster's pods. */
    @Export(name = "network", refs = String.class)
    @Import(required = true)
    private final Output<String> network;

    /** The east-west gateway's address, where the topology gives the cluster one (on several networks). */
    @Export(name = "gatewayAddress", refs = String.class)
    private final Output<String> gatewayAddress;

    /** The port other networks dial on the gateway address, where there is a gateway. */
    @Export(name = "gatewayPort", refs = Integer.class)
    private final Output<Integer> gatewayPort;

    /** The revision of the istiod release, which changes whenever Helm upgrades istiod. */
    @Export(name = "istiodRevision", refs = String.class)
    @Import(required = true)
    private final Output<String> istiodRevision;

    /** The reader ServiceAccount's bearer token, where a primary watches the cluster. Secret. */
    @Export(name = "readerToken", refs = String.class)
    @Import(required = true)
    private final Output<String> readerToken;

    /** The API server's CA bundle, base64-encoded PEM, where a primary watches the cluster. Secret. */
    @Export(name = "apiServerCaData", refs = String.class)
    @Import(required = true)
    private final Output<String> apiServerCaData;

    private final ClusterHandle handle;

    public RemoteCluster(String name, RemoteClusterArgs args, @Nullable ComponentResourceOptions options) {
        // Validated before super(): a bad argument must fail before anything is registered.
        super(TYPE, name, validated(args, options));
        var cluster = args.cluster();
        // The remote's webhooks and proxies point at its primary's gateway, so its releases wait for
        // that address: the first of the cross-cluster edges of the graph.
        var pilotAddress = args.remotePilotAddress();
        var revisions = cluster.revisions();
        var install = new ClusterInstall(this, name, cluster,
                pilotAddress.applyValue(address -> IstioValues.base(true, Optional.of(address), revisions)),
                Map.of(Names.CONTROL_PLANE_CLUSTERS_ANNOTATION, args.primaryClusterName()));
        // Each revision's remote profile follows its primary's istiod releases, named as an explicit
        // dependency rather than reached only through the gateway address: a revision (or a new version)
        // runs in the primary before the remote's webhooks and proxies switch to it.
        var istiods = install.istiods(revision -> pilotAddress.applyValue(address -> IstioValues.remoteIstiod(
                cluster.meshId(), cluster.clusterName(), cluster.network(), address, revision)), args.controlPlaneReleases());
        var istiod = install.defaultIstiod(istiods);
        var reader = install.readerAccess(istiod);
        Optional<Output<String>> gatewayAddress = Optional.empty();
        if (IstioNetworking.needsEastWestGateway(false, args.multiNetwork())) {
            var service = install.gatewayService();
            install.gatewayRelease(service, istiods, args.eastWestGatewayAfter());
            gatewayAddress = Optional.of(service.address());
        }

        this.handle = install.handle(istiods, gatewayAddress, Optional.of(reader));
        var handle = this.handle;
        this.clusterName = Output.of(handle.clusterName());
        this.network = Output.of(handle.network());
        this.gatewayAddress = ClusterInstall.gatewayAddress(handle);
        this.gatewayPort = ClusterInstall.gatewayPort(handle);
        this.istiodRevision = MeshLink.istiodRevision(handle.istiod());
        this.readerToken = ClusterInstall.reader(handle, ClusterHandle.Reader::token);
        this.apiServerCaData = ClusterInstall.reader(handle, ClusterHandle.Reader::caData);
        registerOutputs(ClusterInstall.outputs(this.clusterName, this.network, this.gatewayAddress, this.gatewayPort,
                this.istiodRevision, this.readerToken, this.apiServerCaData));
    }

    private static @Nullable ComponentResourceOptions validated(RemoteClusterArgs args, @Nullable ComponentResourceOptions options) {
        validate(args);
        return options;
    }

    /**
     * Cross-field rules that the builders cannot check alone.
     *
     * @throws IllegalArgumentException naming the property and the fix
     */
    public static void validate(RemoteClusterArgs args) {
        var cluster = args.cluster();
        Problem.requireNone("RemoteClusterArgs", Problem.under("cluster.", ClusterArgs.check(cluster)));
        // A required value given as a known null is refused now, while nothing is registered.
        cluster.certificates();
        args.remotePilotAddress();
        if (cluster.clusterName().equals(args.primaryClusterName())) {
            throw new IllegalArgumentException("RemoteClusterArgs: 'cluster.clusterName' must differ from"
                    + " 'primaryClusterName' (both are '" + cluster.clusterName() + "'); give each cluster its own name");
        }
    }

    /** What the other components need of this cluster: name, network, provider, istiod, gateway, reader. */
    public ClusterHandle handle() {
        return handle;
    }
}
