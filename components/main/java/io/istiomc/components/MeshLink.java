package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMapPatch;
import com.pulumi.kubernetes.core.v1.ConfigMapPatchArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.helm.v3.outputs.ReleaseStatus;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaPatchArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.istiomc.components.inputs.MeshLinkArgs;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins the clusters into one mesh, in the primary: a remote secret per remote, so that istiod
 * watches it ("Start watching cluster 2"), and the meshNetworks that tell istiod which gateway
 * reaches which network (the guide's edits of the {@code istio} ConfigMap).
 *
 * <p>The order problem of the guide, where the primary needs the remotes' gateway addresses while
 * the remotes need the primary's, is a graph here: the remotes wait only for the primary's gateway
 * Service, and this component waits for everyone's gateway and token, so nothing runs twice.
 */
public class MeshLink extends ComponentResource {
    public static final String TYPE = "istio-multicluster:index:MeshLink";
    /** Changes whenever Helm upgrades istiod, which resets the chart-owned meshNetworks key. */
    public static final String ISTIOD_REVISION_ANNOTATION = "istio-multicluster.io/istiod-revision";

    private final Output<String> meshNetworks;
    private final List<String> remoteSecretNames = new ArrayList<>();

    public MeshLink(String name, MeshLinkArgs args) {
        this(name, args, null);
    }

    public MeshLink(String name, MeshLinkArgs args, @Nullable ComponentResourceOptions options) {
        // Validated before super(): a bad argument must fail before anything is registered.
        super(TYPE, name, validated(args, options));
        var primary = args.primary();
        var primaryRef = primary.ref();
        var inPrimary = CustomResourceOptions.builder()
                .parent(this)
                .provider(primaryRef.provider())
                .dependsOn(primary.istiodRelease())
                .build();

        for (var remote : args.remotes()) {
            var remoteName = remote.ref().clusterName();
            var secretName = Names.remoteSecretName(remoteName);
            var kubeconfig = Output.tuple(remote.apiServer(), remote.apiServerCaData(), remote.readerToken())
                    .applyValue(t -> RemoteSecretKubeconfig.build(remoteName, t.t1, t.t2, t.t3, Optional.empty()))
                    .asSecret();
            new Secret(name + "-" + secretName, SecretArgs.builder()
                    .metadata(ObjectMetaArgs.builder()
                            .name(secretName)
                            .namespace(Names.ISTIO_NAMESPACE)
                            .labels(Map.of(
                                    Names.MULTICLUSTER_SECRET_LABEL, "true",
                                    Names.MANAGED_BY_LABEL, Names.MANAGED_BY))
                            .annotations(Map.of(Names.CLUSTER_ANNOTATION, remoteName))
                            .build())
                    .type("Opaque")
                    .stringData(kubeconfig.applyValue(k -> Map.of(remoteName, k)))
                    .build(), inPrimary);
            remoteSecretNames.add(secretName);
        }

        var members = new ArrayList<Output<MeshNetworks.Member>>();
        members.add(member(primaryRef, primary.gatewayAddress(), primary.gatewayPort()));
        for (var remote : args.remotes()) {
            members.add(member(remote.ref(), remote.gatewayAddress(), remote.gatewayPort()));
        }
        this.meshNetworks = Output.all(members).applyValue(MeshNetworks::yaml);

        var istiodRevision = primary.istiodRelease().status().applyValue(MeshLink::revisionOf);
        new ConfigMapPatch(name + "-mesh-networks", ConfigMapPatchArgs.builder()
                .metadata(ObjectMetaPatchArgs.builder()
                        .name(Names.MESH_CONFIG_MAP)
                        .namespace(Names.ISTIO_NAMESPACE)
                        .annotations(istiodRevision.applyValue(revision -> Map.of(
                                // The istiod chart owns this ConfigMap; take the one key over from Helm.
                                Names.PATCH_FORCE_ANNOTATION, "true",
                                ISTIOD_REVISION_ANNOTATION, revision)))
                        .build())
                .data(meshNetworks.applyValue(doc -> Map.of("meshNetworks", doc)))
                .build(), inPrimary);

        registerOutputs(Map.of(
                "meshNetworks", meshNetworks,
                "remoteSecretNames", remoteSecretNames()));
    }

    private static @Nullable ComponentResourceOptions validated(MeshLinkArgs args, @Nullable ComponentResourceOptions options) {
        validate(args);
        return options;
    }

    /**
     * Rules the builder cannot check alone: each remote once, none of them the primary.
     *
     * @throws IllegalArgumentException naming the property and the fix
     */
    public static void validate(MeshLinkArgs args) {
        var seen = new java.util.HashSet<String>();
        seen.add(args.primary().ref().clusterName());
        for (var remote : args.remotes()) {
            var remoteName = remote.ref().clusterName();
            if (!seen.add(remoteName)) {
                throw new IllegalArgumentException("MeshLinkArgs: 'remotes' names cluster '" + remoteName + "' twice, or"
                        + " names the primary; list each remote once");
            }
        }
    }

    private static Output<MeshNetworks.Member> member(ClusterRef cluster, Output<String> address, Output<Integer> port) {
        return Output.tuple(address, port).applyValue(t ->
                new MeshNetworks.Member(cluster.network(), cluster.clusterName(), t.t1, t.t2));
    }

    /**
     * The meshNetworks document (YAML) istiod reads from the {@code istio} ConfigMap: every network,
     * its clusters and its gateways. Known once every gateway has an address.
     */
    public Output<String> meshNetworks() {
        return meshNetworks;
    }

    /** The names of the remote secrets in the primary's {@code istio-system}, one per remote. Known at once. */
    public Output<List<String>> remoteSecretNames() {
        return Output.of(List.copyOf(remoteSecretNames));
    }

    static String revisionOf(@Nullable ReleaseStatus status) {
        return status == null || status.revision().isEmpty() ? "0" : String.valueOf(status.revision().get());
    }
}
