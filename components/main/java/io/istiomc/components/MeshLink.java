package io.istiomc.components;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.core.v1.ConfigMapPatch;
import com.pulumi.kubernetes.core.v1.ConfigMapPatchArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.outputs.ReleaseStatus;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaPatchArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins the clusters into one mesh, in every primary: a remote secret for every other cluster the
 * primaries watch, so that its istiod discovers that cluster's endpoints ("Enable Endpoint
 * Discovery" of Istio's guides), and, when the mesh spans several networks, the meshNetworks that
 * tell istiod which gateway reaches which network (the guide's edits of the {@code istio} ConfigMap).
 * A mesh on one network needs no meshNetworks, as Istio's single-network guides set none.
 *
 * <p>The order problem of the guide, where the primaries need the remotes' gateway addresses while
 * the remotes need their primary's, is a graph here: the remotes wait only for their primary's
 * gateway, and this component waits for everyone's gateway and reader token, so nothing runs twice.
 */
public class MeshLink extends ComponentResource {
    public static final String TYPE = "istio-multicluster:index:MeshLink";
    /** Changes whenever Helm upgrades istiod, which resets the chart-owned meshNetworks key. */
    public static final String ISTIOD_REVISION_ANNOTATION = "istio-multicluster.io/istiod-revision";

    private final Optional<Output<String>> meshNetworks;
    private final Map<String, List<String>> remoteSecretNames = new LinkedHashMap<>();
    /** The remote secrets, by watcher, then by watched cluster. */
    private final Map<String, Map<String, Secret>> remoteSecrets = new LinkedHashMap<>();

    public MeshLink(String name, MeshLinkArgs args) {
        this(name, args, null);
    }

    public MeshLink(String name, MeshLinkArgs args, @Nullable ComponentResourceOptions options) {
        // Validated before super(): a bad argument must fail before anything is registered.
        super(TYPE, name, validated(args, options));
        var members = members(args);
        this.meshNetworks = networks(members) > 1
                ? Optional.of(Output.all(members.stream().map(MeshLink::member).toList()).applyValue(MeshNetworks::yaml))
                : Optional.empty();
        // With one primary, its children keep the names they had before meshes had several primaries.
        boolean onePrimary = args.watchers().size() == 1;

        for (var watcher : args.watchers()) {
            var prefix = name + "-" + watcher.clusterName();
            var placement = new Placement(watcher, provider(prefix, watcher.access()));
            var secrets = new ArrayList<String>();
            for (var watched : args.watched()) {
                if (watched.clusterName().equals(watcher.clusterName())) {
                    continue;
                }
                var secretName = Names.remoteSecretName(watched.clusterName());
                remoteSecrets.computeIfAbsent(watcher.clusterName(), w -> new LinkedHashMap<>()).put(watched.clusterName(),
                        remoteSecret(prefix + "-" + secretName, onePrimary ? name + "-" + secretName : null, placement, watched));
                secrets.add(secretName);
            }
            remoteSecretNames.put(watcher.clusterName(), List.copyOf(secrets));
            // One patch per revision's mesh ConfigMap; the unrevisioned one's keeps its name from before revisions.
            meshNetworks.ifPresent(doc -> watcher.meshConfigs().forEach((configMap, revision) -> {
                var suffix = configMap.substring(Names.MESH_CONFIG_MAP.length());
                meshNetworksPatch(prefix + "-mesh-networks" + suffix,
                        onePrimary ? name + "-mesh-networks" + suffix : null, placement, doc, configMap, revision);
            }));
        }

        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("meshNetworks", meshNetworks());
        outputs.put("remoteSecretNames", remoteSecretNames());
        registerOutputs(outputs);
    }

    /** Every cluster of the mesh once, watchers first, in the order given. */
    private static List<MeshLinkArgs.Member> members(MeshLinkArgs args) {
        var members = new ArrayList<MeshLinkArgs.Member>(args.watchers());
        var names = new HashSet<String>();
        args.watchers().forEach(w -> names.add(w.clusterName()));
        for (var watched : args.watched()) {
            if (names.add(watched.clusterName())) {
                members.add(watched);
            }
        }
        return members;
    }

    private static long networks(List<MeshLinkArgs.Member> members) {
        return members.stream().map(MeshLinkArgs.Member::network).distinct().count();
    }

    /** A primary and the provider the link places objects in it with. */
    private record Placement(MeshLinkArgs.Watcher watcher, Provider provider) {
    }

    /** The primary's own provider, or else one the link declares from the primary's context, as its child. */
    private Provider provider(String prefix, MeshLinkArgs.Access access) {
        return access.provider().orElseGet(() ->
                ClusterInstall.provider(this, Names.providerName(prefix), access.context().orElseThrow(), access.kubeconfig(),
                        false));
    }

    private CustomResourceOptions inCluster(Placement placement, @Nullable String formerName) {
        return inCluster(placement, formerName, placement.watcher().istiodRevision());
    }

    private CustomResourceOptions inCluster(Placement placement, @Nullable String formerName, Output<String> istiodRevision) {
        var options = CustomResourceOptions.builder()
                .parent(this)
                .provider(placement.provider())
                // The resources the revision depends on: the primary's istiod release (or, from another
                // program, the component that declared it).
                .dependsOn(dependenciesOf(istiodRevision));
        if (formerName != null) {
            options.aliases(Alias.builder().name(formerName).build());
        }
        return options.build();
    }

    /** The resources an output depends on: what the objects made from it must follow. */
    static Output<List<Resource>> dependenciesOf(Output<?> output) {
        return Output.of(Internal.of(output).getResources().thenApply(List::<Resource>copyOf));
    }

    private Secret remoteSecret(String resourceName, @Nullable String formerName, Placement watcher,
                                MeshLinkArgs.Watched watched) {
        var clusterName = watched.clusterName();
        var reader = watched.reader().orElseThrow();
        var kubeconfig = Output.tuple(reader.caData(), reader.token(), watched.apiServer())
                .applyValue(t -> RemoteSecretKubeconfig.build(clusterName, t.t3.server(), t.t1, t.t2,
                        t.t3.tlsServerName()))
                .asSecret();
        return new Secret(resourceName, SecretArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(Names.remoteSecretName(clusterName))
                        .namespace(Names.ISTIO_NAMESPACE)
                        .labels(Map.of(
                                Names.MULTICLUSTER_SECRET_LABEL, "true",
                                Names.MANAGED_BY_LABEL, Names.MANAGED_BY))
                        .annotations(Map.of(Names.CLUSTER_ANNOTATION, clusterName))
                        .build())
                .type("Opaque")
                .stringData(kubeconfig.applyValue(k -> Map.of(clusterName, k)))
                .build(), inCluster(watcher, formerName));
    }

    private void meshNetworksPatch(String resourceName, @Nullable String formerName, Placement watcher,
                                   Output<String> document, String configMap, Output<String> istiodRevision) {
        new ConfigMapPatch(resourceName, ConfigMapPatchArgs.builder()
                .metadata(ObjectMetaPatchArgs.builder()
                        .name(configMap)
                        .namespace(Names.ISTIO_NAMESPACE)
                        .annotations(istiodRevision.applyValue(revision -> Map.of(
                                // The istiod chart owns this ConfigMap; take the one key over from Helm.
                                Names.PATCH_FORCE_ANNOTATION, "true",
                                ISTIOD_REVISION_ANNOTATION, revision)))
                        .build())
                .data(document.applyValue(doc -> Map.of("meshNetworks", doc)))
                .build(), inCluster(watcher, formerName, istiodRevision));
    }

    private static @Nullable ComponentResourceOptions validated(MeshLinkArgs args, @Nullable ComponentResourceOptions options) {
        validate(args);
        return options;
    }

    /**
     * Rules the builder cannot check alone: each watcher and each watched cluster once; every watched
     * cluster carries reader access; on several networks, every cluster has a gateway.
     *
     * @throws IllegalArgumentException naming the property and the fix
     */
    public static void validate(MeshLinkArgs args) {
        var watchers = new HashSet<String>();
        for (var watcher : args.watchers()) {
            if (!watchers.add(watcher.clusterName())) {
                throw new IllegalArgumentException("MeshLinkArgs: 'watchers' names cluster '" + watcher.clusterName()
                        + "' twice; list each primary once");
            }
        }
        var watched = new HashSet<String>();
        for (var cluster : args.watched()) {
            if (!watched.add(cluster.clusterName())) {
                throw new IllegalArgumentException("MeshLinkArgs: 'watched' names cluster '" + cluster.clusterName()
                        + "' twice; list each watched cluster once");
            }
            if (cluster.reader().isEmpty()) {
                throw new IllegalArgumentException("MeshLinkArgs: watched cluster '" + cluster.clusterName()
                        + "' has no reader access; declare it with reader access (a remote always has it, a primary"
                        + " with 'watched')");
            }
        }
        var members = members(args);
        if (networks(members) > 1) {
            for (var member : members) {
                if (member.gateway().isEmpty()) {
                    throw new IllegalArgumentException("MeshLinkArgs: cluster '" + member.clusterName() + "' has no"
                            + " east-west gateway, but the mesh spans several networks; declare it with 'multiNetwork'");
                }
            }
        }
    }

    private static Output<MeshNetworks.Member> member(MeshLinkArgs.Member cluster) {
        var gateway = cluster.gateway().orElseThrow();
        return gateway.address().applyValue(address ->
                new MeshNetworks.Member(cluster.network(), cluster.clusterName(), address, gateway.port()));
    }

    /**
     * The meshNetworks document (YAML) every primary's istiod reads from its {@code istio} ConfigMap:
     * every network, its clusters and its gateways. Empty when the mesh is on one network; otherwise
     * known once every gateway has an address.
     */
    public Output<Optional<String>> meshNetworks() {
        return meshNetworks.map(doc -> doc.applyValue(Optional::of)).orElseGet(() -> Output.of(Optional.empty()));
    }

    /**
     * The names of the remote secrets in each primary's {@code istio-system}, by primary: one per
     * other watched cluster. Known at once.
     */
    public Output<Map<String, List<String>>> remoteSecretNames() {
        return Output.of(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(remoteSecretNames)));
    }

    /**
     * The remote secret for {@code watched} in the primary {@code watcher}; empty where the link
     * declares none (a cluster does not watch itself).
     */
    public Optional<Secret> remoteSecret(String watcher, String watched) {
        return Optional.ofNullable(remoteSecrets.getOrDefault(watcher, Map.of()).get(watched));
    }

    /**
     * The value a watcher's {@code istiodRevision} is: the revision of the primary's istiod release,
     * which changes whenever Helm upgrades istiod (and resets the chart-owned meshNetworks key).
     */
    public static Output<String> istiodRevision(Release istiod) {
        return istiod.status().applyValue(MeshLink::revisionOf);
    }

    static String revisionOf(@Nullable ReleaseStatus status) {
        return status == null || status.revision().isEmpty() ? "0" : String.valueOf(status.revision().get());
    }
}
