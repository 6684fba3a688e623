package io.istiomc.components;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.internal.Internal;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.kubernetes.admissionregistration.v1.MutatingWebhookConfiguration;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A whole Istio multicluster mesh from its topology as data ({@link MeshArgs}): the shared CA, a
 * {@link PrimaryCluster} or {@link RemoteCluster} per cluster, the {@link MeshLink} that joins them
 * and, when asked, the {@link SampleApps}. {@link MeshTopology} decides what each cluster gets.
 *
 * <p>Children keep the names a program gave them before this component existed: each cluster
 * component is named after its cluster, the CA {@code <name>-ca}, the link {@code <name>-link}, the
 * samples {@code samples}. Each carries an alias without parent, so that a stack deployed before its
 * clusters moved under a {@code Mesh} keeps every resource (Pulumi's engine derives their children's
 * old URNs from it). A stack therefore holds one {@code Mesh}.
 */
public class Mesh extends ComponentResource {
    public static final String TYPE = "istio-multicluster:index:Mesh";
    /** The helloworld version the first primary serves; every other cluster serves the other, so answers show which side replied. */
    public static final String FIRST_PRIMARY_VERSION = "v1";
    public static final String OTHER_VERSION = "v2";
    /** The name of the samples component, older than this component's naming of its children. */
    public static final String SAMPLES_NAME = "samples";

    /** Each east-west gateway's address, by cluster name, where the topology gives the cluster one. */
    @Export(name = "gatewayAddresses", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private final Output<Map<String, String>> gatewayAddresses;

    /** Each remote's {@code remotePilotAddress} (its control plane's gateway address), by remote name. */
    @Export(name = "remotePilotAddresses", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private final Output<Map<String, String>> remotePilotAddresses;

    /** The meshNetworks document every primary's istiod reads; null when the mesh is on one network. */
    @Export(name = "meshNetworks", refs = String.class)
    private final Output<String> meshNetworks;

    /** The names of the remote secrets in each primary's {@code istio-system}, by primary name. */
    @Export(name = "remoteSecrets", refs = {Map.class, String.class, List.class, String.class}, tree = "[0,1,[2,3]]")
    private final Output<Map<String, List<String>>> remoteSecrets;

    /** The shared root certificate (PEM). */
    @Export(name = "rootCertPem", refs = String.class)
    private final Output<String> rootCertPem;

    /** When each certificate stops being valid (RFC 3339): the root under {@code root}, each intermediate under its cluster's name. */
    @Export(name = "certificateExpiries", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private final Output<Map<String, String>> certificateExpiries;

    /**
     * The guide's check, by cluster name: a {@code kubectl exec} of curl calling helloworld; null
     * without samples. A kubeconfig file is named where the cluster's kubeconfig is a plain path.
     */
    @Export(name = "verifyCommands", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private final Output<Map<String, String>> verifyCommands;

    /** The control plane revisions each cluster runs, by cluster name: {@code [default]} where {@code istio.version} alone is set. */
    @Export(name = "revisions", refs = {Map.class, String.class, List.class, String.class}, tree = "[0,1,[2,3]]")
    private final Output<Map<String, List<String>>> revisions;

    /** Where each cluster's revision tags point, by cluster name, then by tag: {@code {default: <defaultRevision>}}. */
    @Export(name = "revisionTags", refs = {Map.class, String.class, Map.class, String.class, String.class}, tree = "[0,1,[2,3,4]]")
    private final Output<Map<String, Map<String, String>>> revisionTags;

    public Mesh(String name, MeshArgs args, @Nullable ComponentResourceOptions options) {
        // Validated before super(): a bad argument must fail before anything is registered.
        super(TYPE, name, validated(name, args, options));
        var topology = MeshTopology.of(args);
        var ca = new MeshCertificateAuthority(caName(name), MeshCertificateAuthorityArgs.builder()
                .clusterNames(topology.clusters().stream().map(MeshClusterArgs::name).toList())
                .settings(args.ca())
                .build(), child());

        var revisions = Revisions.of(args.istio());
        // While a named revision is the default, each cluster's unrevisioned release steps aside only after
        // the cluster's default tag, which this mesh declares after every cluster: it waits through an output
        // filled in then.
        var tagsOfClusters = new LinkedHashMap<String, CompletableFuture<MutatingWebhookConfiguration>>();
        if (revisions.steppingAside().isPresent()) {
            topology.clusters().forEach(c -> tagsOfClusters.put(c.name(), new CompletableFuture<>()));
        }
        var handles = new HashMap<String, ClusterHandle>();
        var pilotAddresses = new LinkedHashMap<String, Output<String>>();
        // A remote's gateway pods become ready only once its primary holds its remote secret, which the
        // link declares after every cluster: the release waits for it through an output filled in then.
        var secretsOfRemotes = new LinkedHashMap<String, CompletableFuture<Secret>>();
        MeshLink link;
        try {
            for (var primary : topology.primaries()) {
                handles.put(primary.name(), new PrimaryCluster(primary.name(), PrimaryClusterArgs.builder()
                        .cluster(clusterArgs(args, primary, ca.bundle(primary.name()), tagsOfClusters))
                        .servesRemotes(topology.servesRemotes(primary))
                        .multiNetwork(topology.multiNetwork())
                        .watched(topology.watched(primary))
                        .build(), child()).handle());
            }
            for (var remote : topology.remotes()) {
                var controlPlane = handles.get(topology.controlPlaneOf(remote).orElseThrow());
                var pilotAddress = controlPlane.gateway().orElseThrow().address();
                var remoteSecret = new CompletableFuture<Secret>();
                secretsOfRemotes.put(remote.name(), remoteSecret);
                handles.put(remote.name(), new RemoteCluster(remote.name(), RemoteClusterArgs.builder()
                        .cluster(clusterArgs(args, remote, ca.bundle(remote.name()), tagsOfClusters))
                        .primaryClusterName(controlPlane.clusterName())
                        .remotePilotAddress(pilotAddress)
                        .multiNetwork(topology.multiNetwork())
                        .eastWestGatewayAfter(Output.of(remoteSecret).apply(secret -> secret.metadata()
                                .applyValue(metadata -> metadata.name().orElse(""))))
                        .istiodAfter(releasesDone(controlPlane, revisions))
                        .build(), child()).handle());
                pilotAddresses.put(remote.name(), pilotAddress);
            }

            var linkArgs = MeshLinkArgs.builder();
            topology.primaries().forEach(primary -> linkArgs.watcher(handles.get(primary.name())));
            for (var cluster : topology.clusters()) {
                if (topology.watched(cluster)) {
                    linkArgs.watched(handles.get(cluster.name()),
                            new ApiEndpoint(cluster.apiServer().orElseThrow(), cluster.tlsServerName()));
                }
            }
            link = new MeshLink(linkName(name), linkArgs.build(), child());
            for (var remote : topology.remotes()) {
                secretsOfRemotes.get(remote.name()).complete(
                        link.remoteSecret(topology.controlPlaneOf(remote).orElseThrow(), remote.name()).orElseThrow());
            }
            defaultTags(name, revisions, topology, handles).forEach((cluster, tag) -> {
                var waiting = tagsOfClusters.get(cluster);
                if (waiting != null) {
                    waiting.complete(tag);
                }
            });
        } finally {
            // Never leave a release waiting for a dependency that will not come: the run reports the error instead.
            secretsOfRemotes.values().forEach(f -> f.completeExceptionally(new IllegalStateException("the mesh link was not declared")));
            tagsOfClusters.values().forEach(f -> f.completeExceptionally(new IllegalStateException("the default tags were not declared")));
        }
        var revisionsByCluster = new LinkedHashMap<String, List<String>>();
        var tagsByCluster = new LinkedHashMap<String, Map<String, String>>();
        for (var cluster : topology.clusters()) {
            revisionsByCluster.put(cluster.name(), revisions.all().stream().map(Revisions.Revision::name).toList());
            tagsByCluster.put(cluster.name(), Map.of(Revisions.DEFAULT, revisions.defaultRevision().name()));
        }
        this.revisions = Output.of(revisionsByCluster);
        this.revisionTags = Output.of(tagsByCluster);

        var addresses = new LinkedHashMap<String, Output<String>>();
        for (var cluster : topology.clusters()) {
            handles.get(cluster.name()).gateway().ifPresent(g -> addresses.put(cluster.name(), g.address()));
        }
        this.gatewayAddresses = OutputMaps.byName(addresses);
        this.remotePilotAddresses = OutputMaps.byName(pilotAddresses);
        this.meshNetworks = link.meshNetworks().applyValue(doc -> doc.orElse(null));
        this.remoteSecrets = link.remoteSecretNames();
        this.rootCertPem = ca.rootCertPem();
        this.certificateExpiries = ca.certificateExpiries();
        this.verifyCommands = args.samples().enabled() ? samples(args, topology, handles, link)
                : Output.ofNullable(null);

        registerOutputs(Map.of("gatewayAddresses", gatewayAddresses, "remotePilotAddresses", remotePilotAddresses,
                "meshNetworks", meshNetworks, "remoteSecrets", remoteSecrets, "rootCertPem", rootCertPem,
                "certificateExpiries", certificateExpiries, "verifyCommands", verifyCommands,
                "revisions", this.revisions, "revisionTags", this.revisionTags));
    }

    /**
     * The {@code default} tag of every cluster ({@link DefaultRevisionTag}), where the default revision is a
     * named one. Each waits for the default revision's istiod in every cluster of the mesh, so that the
     * tag moves only once the revision runs everywhere; it then moves in place.
     */
    private Map<String, MutatingWebhookConfiguration> defaultTags(String name, Revisions revisions, MeshTopology topology,
                                                                  Map<String, ClusterHandle> handles) {
        var tags = new LinkedHashMap<String, MutatingWebhookConfiguration>();
        var defaultRevision = revisions.defaultRevision();
        if (defaultRevision.unrevisioned()) {
            return tags;
        }
        var everywhere = topology.clusters().stream().map(c -> (Resource) handles.get(c.name()).istiod()).toList();
        for (var cluster : topology.clusters()) {
            var handle = handles.get(cluster.name());
            var path = cluster.isRemote() ? Names.injectionPath(cluster.name(), cluster.network())
                    : DefaultRevisionTag.PRIMARY_INJECTION_PATH;
            tags.put(cluster.name(), new MutatingWebhookConfiguration(tagName(name, cluster.name()),
                    DefaultRevisionTag.args(defaultRevision, path),
                    CustomResourceOptions.builder().parent(this).provider(handle.provider()).dependsOn(everywhere).build()));
        }
        return tags;
    }

    /** The resource name of a cluster's default tag. */
    public static String tagName(String meshName, String clusterName) {
        return meshName + "-" + clusterName + "-" + DefaultRevisionTag.NAME;
    }

    /**
     * An output that depends on every istiod release of a cluster that injects, for what must follow
     * them all. An unrevisioned release stepping aside waits for the tags, which wait for the remotes'
     * istiods: waiting for it here would close a cycle, and nothing new uses it.
     */
    private static Output<String> releasesDone(ClusterHandle cluster, Revisions revisions) {
        return Output.all(cluster.istiods().stream().filter(r -> revisions.injects(r.revision()))
                        .map(r -> r.release().status().applyValue(s -> "")).toList())
                .applyValue(done -> "");
    }

    /**
     * Options of a direct child: parented here, and aliased to the same resource without a parent,
     * the URN it had when programs declared the clusters at the top of the stack.
     */
    private ComponentResourceOptions child() {
        return ComponentResourceOptions.builder()
                .parent(this)
                .aliases(Alias.builder().noParent().build())
                .build();
    }

    private Output<Map<String, String>> samples(MeshArgs args, MeshTopology topology, Map<String, ClusterHandle> handles,
                                                MeshLink link) {
        var namespace = args.samples().namespace();
        var samples = SampleAppsArgs.builder().namespace(namespace);
        var firstPrimary = topology.primaries().get(0).name();
        for (var cluster : topology.clusters()) {
            var handle = handles.get(cluster.name());
            // A remote's sidecars get certificates only once its primary watches it.
            List<Resource> after = cluster.isRemote() ? List.of(handle.istiod(), link) : List.of(handle.istiod());
            samples.placement(new SampleAppsArgs.Placement(handle,
                    cluster.name().equals(firstPrimary) ? FIRST_PRIMARY_VERSION : OTHER_VERSION, after));
        }
        new SampleApps(SAMPLES_NAME, samples.build(), child());
        var commands = new LinkedHashMap<String, Output<String>>();
        for (var cluster : topology.clusters()) {
            commands.put(cluster.name(), kubeconfigFile(cluster).applyValue(file ->
                    SampleApps.verifyCommand(cluster.context(), file, namespace)));
        }
        return OutputMaps.byName(commands);
    }

    /**
     * The kubeconfig file a cluster's verify command names: its kubeconfig where that is a plain path;
     * none where it is the content or a secret (neither is ever shown), or not given. Read from the
     * output's data rather than its value, so a secret never flows into the (plain) command.
     */
    private static Output<Optional<String>> kubeconfigFile(MeshClusterArgs cluster) {
        return cluster.kubeconfig().map(kubeconfig -> Output.of(Internal.of(kubeconfig).getDataAsync()
                        .thenApply(data -> data.isSecret() || !data.isKnown() ? Optional.<String>empty()
                                : Optional.ofNullable(data.getValueNullable()).filter(k -> !ClusterArgs.isKubeconfigContent(k)))))
                .orElseGet(() -> Output.of(Optional.empty()));
    }

    private static ClusterArgs clusterArgs(MeshArgs args, MeshClusterArgs cluster, CaBundle certificates,
                                           Map<String, CompletableFuture<MutatingWebhookConfiguration>> tagsOfClusters) {
        var builder = ClusterArgs.builder()
                .clusterName(cluster.name())
                .context(cluster.context())
                .network(cluster.network())
                .meshId(args.meshId())
                .istio(args.istio())
                .certificates(certificates)
                .gateway(cluster.gateway())
                .deleteUnreachable(cluster.deleteUnreachable())
                .readerTokenGeneration(cluster.readerTokenGeneration().orElse(0))
                // The cluster's own settings; the istio args carry the mesh's, merged below them.
                .releaseSettings(cluster.releaseSettings());
        cluster.kubeconfig().ifPresent(builder::kubeconfig);
        var tag = tagsOfClusters.get(cluster.name());
        if (tag != null) {
            builder.unrevisionedAfter(Output.of(tag).apply(t -> t.metadata().applyValue(m -> m.name().orElse(""))));
        }
        return builder.build();
    }

    private static @Nullable ComponentResourceOptions validated(String name, MeshArgs args,
                                                                @Nullable ComponentResourceOptions options) {
        Problem.requireNone("MeshArgs", check(name, args));
        return options;
    }

    /** The name of a mesh's certificate authority. */
    public static String caName(String meshName) {
        return meshName + "-ca";
    }

    /** The name of a mesh's link. */
    public static String linkName(String meshName) {
        return meshName + "-link";
    }

    /**
     * Every rule of the args, each written once here or in the check it calls: required values, names
     * and networks that are DNS-1123 labels, the Istio version and chart repository, every cluster's
     * API server and gateway, the topology ({@link MeshTopology#check()}), the CA and the samples.
     *
     * @return problems named by the args' own properties, e.g. {@code clusters[1].gateway.port}
     */
    public static List<Problem> check(String name, MeshArgs args) {
        var problems = checkAllButApiServers(name, args);
        problems.addAll(MeshTopology.of(args).checkApiServers());
        return problems;
    }

    /**
     * Every rule of {@link #check} but the one that each watched cluster's API server is given
     * ({@link MeshTopology#checkApiServers()}), for a program that fills the API servers in afterwards.
     */
    public static List<Problem> checkAllButApiServers(String name, MeshArgs args) {
        var problems = new ArrayList<Problem>();
        if (required(problems, "meshId", args.meshId())) {
            problems.addAll(Dns1123.checkLabel("meshId", args.meshId()));
        }
        var istio = args.istio();
        if (istio == null) {
            problems.add(missing("istio"));
        } else {
            problems.addAll(checkIstio(istio));
        }
        var clusters = args.clusters();
        if (!args.clustersGiven()) {
            problems.add(missing("clusters"));
        } else if (clusters.isEmpty()) {
            problems.add(new Problem("clusters", "must not be empty; list one or more clusters with 'role: primary' and"
                    + " any number with 'role: remote'"));
        }
        boolean complete = true;
        var primaries = clusters.stream().filter(MeshClusterArgs::isPrimary).map(MeshClusterArgs::name).toList();
        for (int i = 0; i < clusters.size(); i++) {
            var found = checkCluster("clusters[" + i + "].", clusters.get(i), args.ca().roots());
            var cluster = clusters.get(i);
            if (cluster.isRemote()) {
                var primary = cluster.controlPlane().orElse(primaries.size() == 1 ? primaries.get(0) : "its control plane");
                found.addAll(Problem.under("clusters[" + i + "].releaseSettings.",
                        cluster.releaseSettings().checkOnRemote(primary)));
            }
            complete &= found.stream().noneMatch(p -> p.message().equals("is required") || p.message().equals("must not be empty"));
            problems.addAll(found);
        }
        if (complete) {
            var topology = MeshTopology.of(clusters);
            problems.addAll(topology.check());
            if (istio != null && istio.checkRevisions().isEmpty()) {
                problems.addAll(topology.checkRevisionsReachRemotes(Revisions.of(istio).all().stream()
                        .filter(r -> !r.unrevisioned()).map(Revisions.Revision::name).findFirst()));
            }
        }
        problems.addAll(Problem.under("ca.", MeshCertificateAuthorityArgs.check(args.ca())));
        problems.addAll(Problem.under("samples.", SampleAppsArgs.checkNamespace(args.samples().namespace())));
        if (problems.isEmpty()) {
            problems.addAll(collisions(name, clusters, args.ca().roots()));
        }
        return problems;
    }

    /**
     * The rules of a step from the deployed args to the next ({@link Revisions#checkStep}), for two
     * args that each pass {@link #check}.
     *
     * @return problems named by the next args' properties, e.g. {@code istio.revisions}
     */
    public static List<Problem> checkStep(MeshArgs deployed, MeshArgs next) {
        return Problem.under("istio.", Revisions.checkStep(Revisions.of(deployed.istio()), Revisions.of(next.istio())));
    }

    /**
     * Names the other rules accept may still give two resources one URN ({@link RegisteredNames});
     * checked on valid names only, each problem on the name of the last cluster involved.
     */
    private static List<Problem> collisions(String name, List<MeshClusterArgs> clusters, List<String> roots) {
        var names = new LinkedHashMap<String, Boolean>();
        clusters.forEach(c -> names.put(c.name(), c.isPrimary()));
        var order = List.copyOf(names.keySet());
        return RegisteredNames.collisions(new RegisteredNames.Layout(name, names, roots)).stream()
                .map(p -> new Problem("clusters[" + order.indexOf(p.property()) + "].name", "'" + p.property() + "' " + p.message()))
                .toList();
    }

    private static List<Problem> checkIstio(IstioArgs istio) {
        var problems = new ArrayList<Problem>();
        problems.addAll(Problem.under("istio.", istio.checkRevisions()));
        problems.addAll(Problem.at("istio.chartRepository", IstioCharts.checkRepository(istio.chartRepository())));
        var username = istio.chartRepositoryUsername().isPresent();
        if (username != istio.chartRepositoryPassword().isPresent()) {
            problems.add(new Problem("istio." + (username ? "chartRepositoryPassword" : "chartRepositoryUsername"),
                    "is required when " + (username ? "chartRepositoryUsername" : "chartRepositoryPassword")
                            + " is set: a private chart repository takes both"));
        }
        problems.addAll(Problem.under("istio.releaseSettings.", istio.releaseSettings().check()));
        return problems;
    }

    private static List<Problem> checkCluster(String at, MeshClusterArgs cluster, List<String> roots) {
        var problems = new ArrayList<Problem>();
        if (required(problems, at + "name", cluster.name())) {
            problems.addAll(Problem.at(at + "name", MeshCertificateAuthorityArgs.checkClusterName(cluster.name(), roots)));
        }
        if (required(problems, at + "role", cluster.roleName()) && cluster.role().isEmpty()) {
            problems.add(new Problem(at + "role", "must be 'primary' or 'remote' (got '" + cluster.roleName() + "')"));
        }
        required(problems, at + "context", cluster.context());
        if (required(problems, at + "network", cluster.network())) {
            problems.addAll(Problem.under(at, Dns1123.checkLabel("network", cluster.network())));
        }
        cluster.apiServer().ifPresent(url -> problems.addAll(Problem.at(at + "apiServer",
                RemoteSecretKubeconfig.checkServer(url))));
        cluster.tlsServerName().ifPresent(serverName -> problems.addAll(Problem.under(at,
                RemoteSecretKubeconfig.checkTlsServerName(serverName))));
        problems.addAll(Problem.under(at + "gateway.", EastWestGatewayArgs.check(cluster.gateway())));
        cluster.readerTokenGeneration().ifPresent(g -> problems.addAll(Problem.under(at,
                ClusterArgs.checkReaderTokenGeneration(g))));
        problems.addAll(Problem.under(at + "releaseSettings.", cluster.releaseSettings().check()));
        return problems;
    }

    /** Whether a required value is there; records the problem when it is not. */
    private static boolean required(List<Problem> problems, String property, @Nullable String value) {
        if (value == null) {
            problems.add(missing(property));
            return false;
        }
        if (value.isBlank()) {
            problems.add(new Problem(property, "must not be empty"));
            return false;
        }
        return true;
    }

    /** The problem of a required property left out, with what to set where that is not obvious. */
    private static Problem missing(String property) {
        return new Problem(property, switch (property) {
            case "meshId" -> "is required; set it to the mesh ID every cluster shares, e.g. 'mesh1'";
            case "istio" -> "is required; set 'version' (e.g. 1.30.3) and optionally 'chartRepository'";
            case "clusters" -> "is required; list one or more clusters with 'role: primary' and any number with 'role: remote'";
            default -> "is required";
        });
    }

    /** The revisions each cluster runs, by cluster name. */
    public Output<Map<String, List<String>>> revisions() {
        return revisions;
    }

    /** Where each cluster's revision tags point, by cluster name, then by tag. */
    public Output<Map<String, Map<String, String>>> revisionTags() {
        return revisionTags;
    }

    /** Each east-west gateway's address, by cluster name. */
    public Output<Map<String, String>> gatewayAddresses() {
        return gatewayAddresses;
    }

    /** Each remote's pilot address, by remote name. */
    public Output<Map<String, String>> remotePilotAddresses() {
        return remotePilotAddresses;
    }

    /** The meshNetworks document; empty when the mesh is on one network. */
    public Output<Optional<String>> meshNetworks() {
        return meshNetworks.applyValue(Optional::ofNullable);
    }

    /** The remote secrets' names in each primary, by primary. */
    public Output<Map<String, List<String>>> remoteSecrets() {
        return remoteSecrets;
    }

    public Output<String> rootCertPem() {
        return rootCertPem;
    }

    /** When each certificate stops being valid, by name ({@link MeshCertificateAuthority#certificateExpiries()}). */
    public Output<Map<String, String>> certificateExpiries() {
        return certificateExpiries;
    }

    /** The verify commands by cluster name; empty without samples. */
    public Output<Optional<Map<String, String>>> verifyCommands() {
        return verifyCommands.applyValue(Optional::ofNullable);
    }
}
