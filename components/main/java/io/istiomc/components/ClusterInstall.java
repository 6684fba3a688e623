package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.outputs.LoadBalancerIngress;
import com.pulumi.kubernetes.core.v1.outputs.ServiceStatus;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a primary and a remote cluster install alike: the provider for the cluster's context, the
 * {@code istio-system} namespace, {@code cacerts}, the {@code base} chart, and the east-west
 * gateway whose address the other clusters need. Both cluster components build on it, so the two
 * can never drift apart in how a cluster joins the mesh.
 */
final class ClusterInstall {
    /**
     * The pulumi-kubernetes provider plugin the explicit providers run. The 4.0.0 Java SDK pins
     * plugin 4.0.0 for default providers; explicit providers may select a newer plugin for the same
     * types, and {@code pulumi.com/waitFor} replaces the default await logic only from 4.18.4 on.
     */
    static final String KUBERNETES_PLUGIN_VERSION = "4.34.2";

    /** Helm waits up to this long for a release's workloads (istiod pulls a large image). */
    private static final int RELEASE_TIMEOUT_SECONDS = 600;

    /**
     * Release revisions Helm keeps (its Secrets in istio-system): without a limit the provider keeps every
     * revision forever; ten leave room to roll back across several upgrades.
     */
    static final int RELEASE_MAX_HISTORY = 10;

    private final com.pulumi.resources.ComponentResource owner;
    private final String name;
    private final ClusterArgs args;
    final Provider provider;
    final Namespace namespace;
    final Output<String> namespaceName;
    final Secret cacerts;
    final Release base;

    /**
     * @param baseValues the {@code base} chart's values ({@link IstioValues#base}); on a remote they wait
     *                   for its primary's gateway address, which its default validation webhook may name
     */
    ClusterInstall(com.pulumi.resources.ComponentResource owner, String name, ClusterArgs args,
                   Output<Map<String, Object>> baseValues, Map<String, String> namespaceAnnotations) {
        this.owner = owner;
        this.name = name;
        this.args = args;

        this.provider = provider(owner, Names.providerName(name), args.context(), args.kubeconfig(), args.deleteUnreachable());

        this.namespace = new Namespace(name + "-istio-system", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(Names.ISTIO_NAMESPACE)
                        .labels(Map.of(
                                Names.NETWORK_LABEL, args.network(),
                                Names.MANAGED_BY_LABEL, Names.MANAGED_BY))
                        .annotations(namespaceAnnotations)
                        .build())
                .build(), options());
        // Reading the name back from the namespace makes every object in it depend on it, so that
        // `pulumi destroy` deletes the namespace last.
        this.namespaceName = namespace.metadata().applyValue(m -> m.name().orElseThrow());

        var ca = args.certificates();
        var cacertsData = Output.tuple(ca.caCertPem(), ca.caKeyPem(), ca.rootCertPem(), ca.certChainPem())
                .applyValue(t -> {
                    var data = new LinkedHashMap<String, String>();
                    data.put("ca-cert.pem", t.t1);
                    data.put("ca-key.pem", t.t2);
                    data.put("root-cert.pem", t.t3);
                    data.put("cert-chain.pem", t.t4);
                    return (Map<String, String>) data;
                })
                .asSecret();
        this.cacerts = new Secret(name + "-cacerts", SecretArgs.builder()
                .metadata(metadata(Names.CACERTS_SECRET))
                .type("Opaque")
                .stringData(cacertsData)
                .build(), options());

        this.base = release("base", Names.BASE_RELEASE, "base", args.charts().version(), baseValues, List.of(namespace),
                Output.of(List.of()));
    }

    /**
     * The one Kubernetes provider a component declares for a cluster it reaches by context (and
     * kubeconfig), as its child: server-side apply, Secrets updated in place, the pinned plugin
     * ({@link KubernetesProviderArgs}).
     *
     * @param deleteUnreachable whether the provider drops from the state the objects of a cluster it cannot reach
     */
    static Provider provider(com.pulumi.resources.ComponentResource owner, String resourceName, String context,
                             Optional<Output<String>> kubeconfig, boolean deleteUnreachable) {
        var providerArgs = KubernetesProviderArgs.of(context, kubeconfig, deleteUnreachable);
        return new Provider(resourceName, ProviderArgs.Empty, CustomResourceOptions.builder()
                .parent(owner)
                .version(KUBERNETES_PLUGIN_VERSION)
                .resourceTransformations(providerArgs.asTransformation())
                .build());
    }

    /** Options of every Kubernetes child: parented to the component, bound to this cluster's provider. */
    CustomResourceOptions options(Resource... dependsOn) {
        return CustomResourceOptions.builder()
                .parent(owner)
                .provider(provider)
                .dependsOn(dependsOn)
                .build();
    }

    /** Metadata of an object in {@code istio-system}, labelled as ours. */
    ObjectMetaArgs metadata(String objectName) {
        return metadata(objectName, Map.of(), Map.of());
    }

    ObjectMetaArgs metadata(String objectName, Map<String, String> labels, Map<String, String> annotations) {
        var allLabels = new LinkedHashMap<String, String>(labels);
        allLabels.put(Names.MANAGED_BY_LABEL, Names.MANAGED_BY);
        var meta = ObjectMetaArgs.builder()
                .name(objectName)
                .namespace(namespaceName)
                .labels(allLabels);
        if (!annotations.isEmpty()) {
            meta.annotations(annotations);
        }
        return meta.build();
    }

    /**
     * The istiod release of one revision (the full control plane on the primary, the remote profile
     * elsewhere), after {@code base} and {@code cacerts}: {@code <name>-istiod} and Helm release
     * {@code istiod} for the unrevisioned control plane, as before revisions existed, {@code <name>-istiod-<rev>}
     * and {@code istiod-<rev>} for a named one.
     *
     * @param after what else the release waits for: on a remote, its primary's istiod releases
     */
    Release istiod(Revisions.Revision revision, Output<Map<String, Object>> values, Output<List<Resource>> after) {
        // istiod reads cacerts at start (and watches it after); without it, it would mint a self-signed root of its own.
        return release(revision.istiodName(), revision.istiodName(), "istiod", revision.version(),
                values.applyValue(v -> IstioValues.ofRevision(v, args.revisions(), revision)), List.of(base, cacerts), after);
    }

    /** Every revision's istiod release, the default revision's first among equals in {@link ClusterHandle#istiod()}. */
    List<ClusterHandle.RevisionRelease> istiods(java.util.function.Function<Revisions.Revision, Output<Map<String, Object>>> values,
                                                Output<List<Resource>> after) {
        var revisions = args.revisions();
        return revisions.all().stream()
                .map(revision -> new ClusterHandle.RevisionRelease(revision, istiod(revision, values.apply(revision),
                        revisions.injects(revision) ? after : Output.tuple(after, args.unrevisionedAfter())
                                .applyValue(both -> concat(both.t1, both.t2)))))
                .toList();
    }

    private static List<Resource> concat(List<Resource> first, List<Resource> second) {
        var all = new ArrayList<Resource>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /** The release of the default revision among {@code istiods}. */
    Release defaultIstiod(List<ClusterHandle.RevisionRelease> istiods) {
        return istiods.stream().filter(r -> r.revision().equals(args.revisions().defaultRevision()))
                .findFirst().orElseThrow().release();
    }

    /**
     * The east-west gateway's Service, ours rather than the chart's, and the address other networks
     * dial: the configured one, or else the one the cluster gives its load balancer.
     */
    GatewayService gatewayService() {
        var gateway = args.gateway();
        var annotations = new LinkedHashMap<String, String>(gateway.annotations());
        if (gateway.address().isPresent()) {
            // The address is known: nothing downstream waits for the cluster to report one.
            annotations.put(Names.SKIP_AWAIT_ANNOTATION, "true");
        } else {
            // Ready as soon as the load balancer has an address; the pods behind it may come later.
            annotations.put(Names.WAIT_FOR_ANNOTATION, "jsonpath={.status.loadBalancer.ingress[0]['ip','hostname']}");
        }
        // One discovery mechanism per gateway: meshNetworks, which names exactly the address and port the
        // stack says (a configured NAT or internal address, a node port, a port other than 15443). The
        // Service therefore carries no 'topology.istio.io/network' label: istiod's kube registry
        // (getGatewayDetails in pilot/pkg/serviceregistry/kube/controller/network.go) would register a
        // labelled Service as a second gateway of the network, at its load balancer status address on
        // 15443 or its 'networking.istio.io/gatewayPort' (istio/istio#43656). The gateway pods keep the
        // label: it places their own endpoints on the network.
        var service = new Service(name + "-eastwestgateway", ServiceArgs.builder()
                .metadata(metadata(Names.EAST_WEST_GATEWAY, IstioValues.eastWestGatewaySelector(), annotations))
                .spec(ServiceSpecArgs.builder()
                        .type(gateway.serviceType().kubernetesName())
                        .selector(IstioValues.eastWestGatewaySelector())
                        .ports(gatewayPorts(gateway))
                        .build())
                .build(), options());
        Output<String> address = gateway.address()
                .map(Output::of)
                .orElseGet(() -> service.status().applyValue(status -> loadBalancerAddress(status, args.clusterName())));
        return new GatewayService(service, address);
    }

    /**
     * The east-west gateway's pods (the {@code gateway} chart), behind {@link #gatewayService()}. Helm
     * waits for them to be ready.
     *
     * <p>The pods are injected by the default revision, so the release moves with {@code defaultRevision},
     * and only after every revision's istiod of the cluster that injects is in place: the gateways move
     * last. The unrevisioned release stepping aside renders no webhook, and waits for the default tag,
     * which waits for the remotes' istiods, which wait for this gateway: it is left out.
     *
     * @param istiods the releases, of which those whose injection webhooks must exist before the gateway pods start
     * @param after   what else must exist before the pods can become ready (a remote's: its primary's
     *                remote secret for it, without which istiod cannot authenticate their proxies)
     */
    Release gatewayRelease(GatewayService service, List<ClusterHandle.RevisionRelease> istiods, Output<List<Resource>> after) {
        var dependsOn = new ArrayList<Resource>();
        istiods.stream().filter(r -> args.revisions().injects(r.revision())).forEach(r -> dependsOn.add(r.release()));
        dependsOn.add(service.service());
        return release("eastwestgateway", Names.EAST_WEST_GATEWAY, "gateway", args.charts().version(),
                Output.of(IstioValues.eastWestGateway(args.network(), args.revisions())), dependsOn, after);
    }

    private static List<ServicePortArgs> gatewayPorts(EastWestGatewayArgs gateway) {
        var crossNetwork = ServicePortArgs.builder().name("tls").protocol("TCP")
                .targetPort(IstioNetworking.CROSS_NETWORK_PORT);
        if (gateway.serviceType() == GatewayServiceType.NODE_PORT) {
            crossNetwork.port(IstioNetworking.CROSS_NETWORK_PORT).nodePort(gateway.port());
        } else {
            crossNetwork.port(gateway.port());
        }
        var ports = new ArrayList<ServicePortArgs>();
        ports.add(tcpPort("status-port", 15021));
        ports.add(crossNetwork.build());
        ports.add(tcpPort("tls-istiod", IstioNetworking.ISTIOD_XDS_PORT));
        ports.add(tcpPort("tls-webhook", IstioNetworking.ISTIOD_WEBHOOK_PORT));
        return ports;
    }

    private static ServicePortArgs tcpPort(String portName, int port) {
        // Server-side apply keys Service ports by port and protocol: the protocol must be explicit.
        return ServicePortArgs.builder().name(portName).port(port).targetPort(port).protocol("TCP").build();
    }

    /** The first address a LoadBalancer Service was given: its IP, or its DNS name (AWS ELBs give only a name). */
    static String loadBalancerAddress(Optional<ServiceStatus> status, String clusterName) {
        return status.flatMap(ServiceStatus::loadBalancer)
                .flatMap(lb -> lb.ingress().stream().findFirst())
                .flatMap(ClusterInstall::ingressAddress)
                .orElseThrow(() -> new IllegalStateException("the east-west gateway Service of cluster '" + clusterName
                        + "' has no load balancer address; check that the cluster can provision LoadBalancer Services,"
                        + " or set 'gateway.address' (and 'gateway.serviceType: NodePort' where there is no load balancer)"));
    }

    private static Optional<String> ingressAddress(LoadBalancerIngress ingress) {
        return ingress.ip().filter(ip -> !ip.isEmpty()).or(() -> ingress.hostname().filter(h -> !h.isEmpty()));
    }

    Release release(String suffix, String releaseName, String chart, String version, Output<Map<String, Object>> values,
                    List<Resource> dependsOn, Output<List<Resource>> dependsOnLater) {
        var charts = args.charts();
        var release = ReleaseArgs.builder().name(releaseName).version(version);
        var repositoryOpts = RepositoryOptsArgs.builder();
        charts.login().ifPresent(login -> repositoryOpts.username(login.username()).password(login.password()));
        if (charts.isOci()) {
            // Helm addresses a chart in an OCI registry by reference; an OCI registry has no repo index.
            release.chart(charts.repository() + "/" + chart);
            if (charts.login().isPresent()) {
                release.repositoryOpts(repositoryOpts.build());
            }
        } else {
            release.chart(chart).repositoryOpts(repositoryOpts.repo(charts.repository()).build());
        }
        return new Release(name + "-" + suffix, release
                .namespace(namespaceName)
                .createNamespace(false)
                // The user's values under the mesh's own, merged here for every release and nowhere else.
                .values(values.applyValue(meshValues -> args.releaseOverrides().releaseValues(chart, meshValues)))
                // Helm waits for every release's workloads, so `pulumi up` reports only a mesh that runs.
                .skipAwait(false)
                .timeout(RELEASE_TIMEOUT_SECONDS)
                .maxHistory(RELEASE_MAX_HISTORY)
                .build(), CustomResourceOptions.builder()
                .parent(owner)
                .provider(provider)
                .dependsOn(dependsOnLater.applyValue(later -> concat(dependsOn, later)))
                .build());
    }

    /** The east-west gateway's Service and the address other networks dial. */
    record GatewayService(Service service, Output<String> address) {
    }

    /** The cluster's handle, once its istiod, gateway (if any) and reader access (if any) are declared. */
    ClusterHandle handle(List<ClusterHandle.RevisionRelease> istiods, Optional<Output<String>> gatewayAddress,
                         Optional<ClusterHandle.Reader> reader) {
        return new ClusterHandle(args.clusterName(), args.network(), provider, defaultIstiod(istiods),
                gatewayAddress.map(address -> new ClusterHandle.Gateway(address, args.gateway().port())), reader, istiods);
    }

    /** The reader token Secret, after the releases that create the account and bind it. */
    ClusterHandle.Reader readerAccess(Release istiod) {
        return ReaderAccess.declare(this, name, args.clusterName(), args.readerTokenGeneration(), base, istiod);
    }

    /** The outputs every cluster component registers, from its handle. */
    /** What a cluster component exports, by name: every {@code @Export} field of the component. */
    static Map<String, Output<?>> outputs(Output<String> clusterName, Output<String> network, Output<String> gatewayAddress,
                                          Output<Integer> gatewayPort, Output<String> istiodRevision,
                                          Output<String> readerToken, Output<String> apiServerCaData) {
        return Map.of("clusterName", clusterName, "network", network, "gatewayAddress", gatewayAddress,
                "gatewayPort", gatewayPort, "istiodRevision", istiodRevision, "readerToken", readerToken,
                "apiServerCaData", apiServerCaData);
    }

    /** The gateway's address as exported: null where the topology gives the cluster no gateway. */
    static Output<String> gatewayAddress(ClusterHandle cluster) {
        return cluster.gateway().map(ClusterHandle.Gateway::address).orElseGet(() -> Output.ofNullable(null));
    }

    static Output<Integer> gatewayPort(ClusterHandle cluster) {
        return Output.ofNullable(cluster.gateway().map(ClusterHandle.Gateway::port).orElse(null));
    }

    /** A part of the reader credentials as exported: null where no primary watches the cluster. */
    static Output<String> reader(ClusterHandle cluster, java.util.function.Function<ClusterHandle.Reader, Output<String>> part) {
        return cluster.reader().map(part).orElseGet(() -> Output.ofNullable(null));
    }
}
