package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.meta.v1.outputs.ObjectMeta;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A primary cluster: a full Istio control plane (steps "Configure cluster1 as a primary" of Istio's
 * multicluster guides). Which of its parts exist follows from the topology:
 * <ul>
 *   <li>always: the cluster's Kubernetes provider; namespace {@code istio-system} labelled with the
 *   network; {@code cacerts}; the {@code base} and {@code istiod} releases;</li>
 *   <li>where remotes use it ({@code servesRemotes}): istiod as their external istiod, and the
 *   east-west gateway with the Gateway {@code istiod-gateway} and VirtualService {@code istiod-vs}
 *   that expose istiod on 15012 and 15017;</li>
 *   <li>where the mesh spans several networks ({@code multiNetwork}): the east-west gateway with the
 *   Gateway {@code cross-network-gateway} (15443, AUTO_PASSTHROUGH);</li>
 *   <li>where another primary watches it ({@code watched}): reader access.</li>
 * </ul>
 * A single-network multi-primary mesh thus has no gateway at all, as in Istio's guide.
 */
public class PrimaryCluster extends ComponentResource {
    public static final String TYPE = "istio-multicluster:index:PrimaryCluster";

    // The outputs every language sees. The SDK infers a component's outputs from the fields its own
    // class declares ({@code @Export}), so RemoteCluster declares the same ones itself.
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

    /** The revision of the istiod release, which changes whenever Helm upgrades istiod. */
    @Export(name = "istiodRevision", refs = String.class)
    @Import(required = true)
    private final Output<String> istiodRevision;

    /** The reader ServiceAccount's bearer token, where a primary watches the cluster (multi-primary). Secret. */
    @Export(name = "readerToken", refs = String.class)
    private final Output<String> readerToken;

    /** The API server's CA bundle, base64-encoded PEM, where a primary watches the cluster (multi-primary). Secret. */
    @Export(name = "apiServerCaData", refs = String.class)
    private final Output<String> apiServerCaData;

    private final ClusterHandle handle;

    public PrimaryCluster(String name, PrimaryClusterArgs args, @Nullable ComponentResourceOptions options) {
        // Validated before super(): a bad argument must fail before anything is registered.
        super(TYPE, name, validated(args, options));
        var cluster = args.cluster();
        var revisions = cluster.revisions();
        var install = new ClusterInstall(this, name, cluster,
                Output.of(IstioValues.base(args.watched(), Optional.empty(), revisions)), Map.of());

        boolean needsGateway = IstioNetworking.needsEastWestGateway(args.servesRemotes(), args.multiNetwork());
        var gatewayService = needsGateway ? Optional.of(install.gatewayService()) : Optional.<ClusterInstall.GatewayService>empty();
        // A primary that serves remotes learns its gateway address first: istiod's serving certificate
        // must name it when it is a DNS name (IstioValues.primaryIstiod).
        Output<Map<String, Object>> istiodValues = args.servesRemotes()
                ? gatewayService.orElseThrow().address().applyValue(address -> IstioValues.primaryIstiod(
                        cluster.meshId(), cluster.clusterName(), cluster.network(), Optional.of(address)))
                : Output.of(IstioValues.primaryIstiod(cluster.meshId(), cluster.clusterName(), cluster.network(), Optional.empty()));
        // Every revision's istiod reads the same cacerts: each restarts when its roots change.
        var istiods = install.istiods(revision -> Output.tuple(istiodValues, cluster.certificates().rootCertPem())
                .applyValue(t -> IstioValues.restartedWhenRootsChange(t.t1, t.t2)), Output.of(List.of()));
        var istiod = install.defaultIstiod(istiods);

        Optional<Output<String>> gatewayAddress = Optional.empty();
        if (needsGateway) {
            var service = gatewayService.orElseThrow();
            var gateway = install.gatewayRelease(service, istiods, Output.of(List.of()));
            var address = service.address();
            // Istio validates these through istiod's webhook, so they follow the istiod release.
            if (args.multiNetwork()) {
                customResource(name, install, istiod, "Gateway", IstioNetworking.CROSS_NETWORK_GATEWAY,
                        IstioNetworking.crossNetworkGatewaySpec());
            }
            if (args.servesRemotes()) {
                var istiodGateway = customResource(name, install, istiod, "Gateway", IstioNetworking.ISTIOD_GATEWAY,
                        IstioNetworking.istiodGatewaySpec());
                // One route per revision through the one gateway, each after its own istiod.
                var routes = new ArrayList<Output<ObjectMeta>>();
                for (var r : istiods) {
                    var route = customResource(name, install, r.release(), "VirtualService",
                            IstioNetworking.istiodVirtualServiceName(r.revision()),
                            IstioNetworking.istiodVirtualServiceSpec(r.revision())).metadata();
                    // An unrevisioned istiod stepping aside serves no new workload, and waits for the default
                    // tags, which wait for the remotes, which wait for this address: its route is left out.
                    if (revisions.injects(r.revision())) {
                        routes.add(route);
                    }
                }
                // The address is handed out only once istiod is reachable through it: the gateway pods
                // are ready (Helm waits for them) and routed to istiod. Remotes point their webhooks and
                // proxies at it, so their pods can be injected and get certificates as soon as they start.
                address = Output.tuple(service.address(), gateway.status(), istiodGateway.metadata(), Output.all(routes))
                        .applyValue(t -> t.t1);
            }
            gatewayAddress = Optional.of(address);
        }
        var reader = args.watched() ? Optional.of(install.readerAccess(istiod)) : Optional.<ClusterHandle.Reader>empty();
        this.handle = install.handle(istiods, gatewayAddress, reader);
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

    private IstioCustomResource customResource(String name, ClusterInstall install, Release istiod, String kind,
                                               String objectName, Map<String, Object> spec) {
        return new IstioCustomResource(name + "-" + objectName,
                new IstioCustomResource.Args(IstioNetworking.API_VERSION, kind, install.metadata(objectName), spec),
                install.options(istiod));
    }

    private static @Nullable ComponentResourceOptions validated(PrimaryClusterArgs args, @Nullable ComponentResourceOptions options) {
        validate(args);
        return options;
    }

    /**
     * Cross-field rules that the builders cannot check alone.
     *
     * @throws IllegalArgumentException naming the property and the fix
     */
    public static void validate(PrimaryClusterArgs args) {
        var cluster = args.cluster();
        Problem.requireNone("PrimaryClusterArgs", Problem.under("cluster.", ClusterArgs.check(cluster)));
        // A required value given as a known null is refused now, while nothing is registered.
        cluster.certificates();
        if (args.servesRemotes()) {
            Problem.requireNone("PrimaryClusterArgs", Problem.under("cluster.gateway.",
                    EastWestGatewayArgs.checkExposesIstiod(cluster.gateway().serviceType())));
        }
    }

    /** What the other components need of this cluster: name, network, provider, istiod, gateway, reader. */
    public ClusterHandle handle() {
        return handle;
    }
}
