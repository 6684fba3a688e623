package io.istiomc.components;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMapPatch;
import com.pulumi.kubernetes.core.v1.ConfigMapPatchArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.helm.v3.outputs.ReleaseStatus;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaPatchArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.istiomc.components.inputs.MeshLinkArgs;

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
            var secrets = new ArrayList<String>();
            for (var watched : args.watched()) {
                var cluster = watched.cluster();
                if (cluster.clusterName().equals(watcher.clusterName())) {
                    continue;
                }
                var secretName = Names.remoteSecretName(cluster.clusterName());
                remoteSecret(prefix + "-" + secretName, onePrimary ? name + "-" + secretName : null, watcher, watched);
                secrets.add(secretName);
            }
            remoteSecretNames.put(watcher.clusterName(), List.copyOf(secrets));
            meshNetworks.ifPresent(doc -> meshNetworksPatch(prefix + "-mesh-networks",
                    onePrimary ? name + "-mesh-networks" : null, watcher, doc));
        }

        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("meshNetworks", meshNetworks());
        outputs.put("remoteSecretNames", remoteSecretNames());
        registerOutputs(outputs);
    }

    /** Every cluster of the mesh once, watchers first, in the order given. */
    private static List<ClusterHandle> members(MeshLinkArgs args) {
        var members = new ArrayList<>(args.watchers());
        var names = new HashSet<String>();
        args.watchers().forEach(w -> names.add(w.clusterName()));
        for (var watched : args.watched()) {
            if (names.add(watched.cluster().clusterName())) {
                members.add(watched.cluster());
            }
        }
        return members;
    }

    private static long networks(List<ClusterHandle> members) {
        return members.stream().map(ClusterHandle::network).distinct().count();
    }

    private CustomResourceOptions inCluster(ClusterHandle watcher, @Nullable String formerName) {
        var options = CustomResourceOptions.builder()
                .parent(this)
                .provider(watcher.provider())
                .dependsOn(watcher.istiod());
        if (formerName != null) {
            options.aliases(Alias.builder().name(formerName).build());
        }
        return options.build();
    }

    private void remoteSecret(String resourceName, @Nullable String formerName, ClusterHandle watcher,
                              MeshLinkArgs.Watched watched) {
        var clusterName = watched.cluster().clusterName();
        var reader = watched.cluster().reader().orElseThrow();
        var endpoint = watched.apiServer();
        var kubeconfig = Output.tuple(reader.caData(), reader.token())
                .applyValue(t -> RemoteSecretKubeconfig.build(clusterName, endpoint.server(), t.t1, t.t2,
                        endpoint.tlsServerName()))
                .asSecret();
        new Secret(resourceName, SecretArgs.builder()
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

    private void meshNetworksPatch(String resourceName, @Nullable String formerName, ClusterHandle watcher,
                                   Output<String> document) {
        var istiodRevision = watcher.istiod().status().applyValue(MeshLink::revisionOf);
        new ConfigMapPatch(resourceName, ConfigMapPatchArgs.builder()
                .metadata(ObjectMetaPatchArgs.builder()
                        .name(Names.MESH_CONFIG_MAP)
                        .namespace(Names.ISTIO_NAMESPACE)
                        .annotations(istiodRevision.applyValue(revision -> Map.of(
                                // The istiod chart owns this ConfigMap; take the one key over from Helm.
                                Names.PATCH_FORCE_ANNOTATION, "true",
                                ISTIOD_REVISION_ANNOTATION, revision)))
                        .build())
                .data(document.applyValue(doc -> Map.of("meshNetworks", doc)))
                .build(), inCluster(watcher, formerName));
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
        for (var entry : args.watched()) {
            var cluster = entry.cluster();
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

    private static Output<MeshNetworks.Member> member(ClusterHandle cluster) {
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

    static String revisionOf(@Nullable ReleaseStatus status) {
        return status == null || status.revision().isEmpty() ? "0" : String.valueOf(status.revision().get());
    }
}
