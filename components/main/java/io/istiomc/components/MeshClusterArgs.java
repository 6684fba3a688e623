package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;

import javax.annotation.Nullable;
import java.util.Optional;

/**
 * One cluster of a {@link Mesh} (schema type {@code MeshCluster}): who it is, how to reach it and
 * its place in the topology. Names, roles and networks are plain values, since the mesh's shape
 * follows from them before anything is registered.
 */
public final class MeshClusterArgs {
    /** The Istio cluster name, a DNS-1123 label (it ends up in Secret names); unique in the mesh. Required. */
    @Import(name = "name", required = true)
    private String name;

    /** {@code primary} (runs istiod) or {@code remote} (uses its control plane's istiod). Required. */
    @Import(name = "role", required = true)
    private String role;

    /** The Istio network of the cluster's pods, a DNS-1123 label. Required. */
    @Import(name = "network", required = true)
    private String network;

    /** The kube context the cluster's Kubernetes provider uses. Required. */
    @Import(name = "context", required = true)
    private String context;

    /**
     * The kubeconfig holding {@code context}: a file path or the file's content (pass content as a
     * secret; it is made one either way). Default: the provider's own lookup ({@code $KUBECONFIG},
     * then {@code ~/.kube/config}).
     */
    @Import(name = "kubeconfig")
    private @Nullable Output<Output<String>> kubeconfig;

    /**
     * On a remote, the primary whose istiod serves it. Default: the only primary; required when
     * there are several. Not allowed on a primary.
     */
    @Import(name = "controlPlane")
    private @Nullable String controlPlane;

    /**
     * The https URL at which the primaries reach this cluster's API server, for their remote secret.
     * Required where a primary watches the cluster (every remote, and every primary when there are
     * several); not allowed elsewhere.
     */
    @Import(name = "apiServer")
    private @Nullable String apiServer;

    /**
     * The name the API server's certificate is verified against, when not the host of
     * {@code apiServer} ({@code tls-server-name} of the remote secret's kubeconfig). Default: the host.
     */
    @Import(name = "tlsServerName")
    private @Nullable String tlsServerName;

    /** The east-west gateway, where the topology gives the cluster one. Default: a LoadBalancer on 15443. */
    @Import(name = "gateway")
    private @Nullable EastWestGatewayArgs gateway;

    /**
     * Whether the cluster's provider drops from the Pulumi state what it cannot reach to delete
     * (pulumi-kubernetes' {@code deleteUnreachable}), for removing a cluster that is gone. Default: false.
     */
    @Import(name = "deleteUnreachable")
    private @Nullable Boolean deleteUnreachable;

    /**
     * The generation of the reader token of a watched cluster: raising it by one rotates the token.
     * 0 or more; only where a primary watches the cluster. Default: 0.
     */
    @Import(name = "readerTokenGeneration")
    private @Nullable Integer readerTokenGeneration;

    /**
     * Helm values and the typed production settings for this cluster's releases, merged over
     * {@code istio}'s; on a remote, {@code hub}, {@code tag} and {@code dnsProxying} are refused.
     * Default: none.
     */
    @Import(name = "releaseSettings")
    private @Nullable ReleaseSettingsArgs releaseSettings;

    private MeshClusterArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this cluster's values, to change some of them. */
    public Builder toBuilder() {
        var builder = new Builder();
        builder.cluster.copyFrom(this);
        return builder;
    }

    private void copyFrom(MeshClusterArgs other) {
        name = other.name;
        role = other.role;
        network = other.network;
        context = other.context;
        kubeconfig = other.kubeconfig;
        controlPlane = other.controlPlane;
        apiServer = other.apiServer;
        tlsServerName = other.tlsServerName;
        gateway = other.gateway;
        deleteUnreachable = other.deleteUnreachable;
        readerTokenGeneration = other.readerTokenGeneration;
        releaseSettings = other.releaseSettings;
    }

    public String name() {
        return name;
    }

    /** The role as given. */
    public String roleName() {
        return role;
    }

    /** The role; empty when {@code role} is neither {@code primary} nor {@code remote}. */
    public Optional<ClusterRole> role() {
        return role == null ? Optional.empty() : ClusterRole.fromArgName(role);
    }

    public boolean isPrimary() {
        return role().filter(ClusterRole.PRIMARY::equals).isPresent();
    }

    public boolean isRemote() {
        return role().filter(ClusterRole.REMOTE::equals).isPresent();
    }

    public String network() {
        return network;
    }

    public String context() {
        return context;
    }

    /** The kubeconfig as given (a path, or the content as a secret). */
    public Optional<Output<String>> kubeconfig() {
        return Optional.ofNullable(kubeconfig).map(Relayed::flat);
    }

    /** The control plane as given; see {@link MeshTopology#controlPlaneOf} for the one that serves the remote. */
    public Optional<String> controlPlane() {
        return Optional.ofNullable(controlPlane);
    }

    public Optional<String> apiServer() {
        return Optional.ofNullable(apiServer);
    }

    public Optional<String> tlsServerName() {
        return Optional.ofNullable(tlsServerName);
    }

    public EastWestGatewayArgs gateway() {
        return gateway == null ? EastWestGatewayArgs.defaults() : gateway;
    }

    public boolean deleteUnreachable() {
        return Boolean.TRUE.equals(deleteUnreachable);
    }

    /** The reader token's generation, when given. */
    public Optional<Integer> readerTokenGeneration() {
        return Optional.ofNullable(readerTokenGeneration);
    }

    /** The cluster's own Helm values and typed settings, checked by {@link ReleaseSettingsArgs#check()}. */
    public ReleaseSettingsArgs releaseSettings() {
        return releaseSettings == null ? ReleaseSettingsArgs.none() : releaseSettings;
    }

    public static final class Builder {
        private final MeshClusterArgs cluster = new MeshClusterArgs();

        public Builder name(String name) {
            cluster.name = name;
            return this;
        }

        public Builder role(ClusterRole role) {
            cluster.role = role.argName();
            return this;
        }

        /** The role as spelt in the args; {@link Mesh#check} refuses one that is neither role. */
        public Builder role(String role) {
            cluster.role = role;
            return this;
        }

        public Builder network(String network) {
            cluster.network = network;
            return this;
        }

        public Builder context(String context) {
            cluster.context = context;
            return this;
        }

        public Builder kubeconfig(@Nullable Output<String> kubeconfig) {
            cluster.kubeconfig = kubeconfig == null ? null : Relayed.wrap(kubeconfig);
            return this;
        }

        public Builder kubeconfig(String kubeconfig) {
            return kubeconfig(Output.of(kubeconfig));
        }

        public Builder controlPlane(@Nullable String controlPlane) {
            cluster.controlPlane = controlPlane;
            return this;
        }

        public Builder apiServer(@Nullable String apiServer) {
            cluster.apiServer = apiServer;
            return this;
        }

        public Builder tlsServerName(@Nullable String tlsServerName) {
            cluster.tlsServerName = tlsServerName;
            return this;
        }

        public Builder gateway(@Nullable EastWestGatewayArgs gateway) {
            cluster.gateway = gateway;
            return this;
        }

        public Builder deleteUnreachable(boolean deleteUnreachable) {
            cluster.deleteUnreachable = deleteUnreachable;
            return this;
        }

        public Builder readerTokenGeneration(@Nullable Integer generation) {
            cluster.readerTokenGeneration = generation;
            return this;
        }

        public Builder releaseSettings(@Nullable ReleaseSettingsArgs releaseSettings) {
            cluster.releaseSettings = releaseSettings;
            return this;
        }

        /**
         * The cluster as given. Required values are not checked here but by {@link Mesh#check}, with
         * every other rule, so that a caller learns of every problem at once.
         */
        public MeshClusterArgs build() {
            return cluster;
        }
    }
}
