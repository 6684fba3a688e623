package io.istiomc.config;

import io.istiomc.components.GatewayServiceType;
import io.istiomc.components.ReleaseOverrides;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole stack configuration ({@code istio-multicluster:*}).
 *
 * @param meshId   {@code meshId}: the Istio mesh ID
 * @param istio    {@code istio}: the charts to install
 * @param clusters {@code clusters}: one or more primaries and any number of remotes, in order
 * @param ca       {@code ca}: the shared certificate authority
 * @param samples  {@code samples}: the helloworld/curl check
 */
public record MeshConfig(String meshId, Istio istio, List<Cluster> clusters, Ca ca, Samples samples) {
    public static final String NAMESPACE = "istio-multicluster";
    /** The Pulumi names of the program's components that are one per stack: part of their children's URNs. */
    public static final String CA_COMPONENT = "mesh-ca";
    public static final String LINK_COMPONENT = "mesh-link";
    public static final String SAMPLES_COMPONENT = "samples";

    /** The primaries, in config order: each runs istiod. */
    public List<Cluster> primaries() {
        return clusters.stream().filter(c -> c.role() == ClusterRole.PRIMARY).toList();
    }

    /** The remotes, in config order. */
    public List<Cluster> remotes() {
        return clusters.stream().filter(c -> c.role() == ClusterRole.REMOTE).toList();
    }

    /** The remotes whose control plane is the primary {@code primaryName}, in config order. */
    public List<Cluster> remotesOf(String primaryName) {
        return remotes().stream().filter(r -> r.controlPlane().filter(primaryName::equals).isPresent()).toList();
    }

    /** The cluster named {@code name}. */
    public Cluster cluster(String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cluster named '" + name + "'"));
    }

    /** Whether the clusters are on more than one network: then every cluster runs an east-west gateway. */
    public boolean multiNetwork() {
        return clusters.stream().map(Cluster::network).distinct().count() > 1;
    }

    /** Whether the cluster runs an east-west gateway, by the components' rule. */
    public boolean needsGateway(Cluster cluster) {
        return io.istiomc.components.IstioNetworking.needsEastWestGateway(
                cluster.role() == ClusterRole.PRIMARY && !remotesOf(cluster.name()).isEmpty(), multiNetwork());
    }

    /** Whether some primary watches the cluster ({@link ClusterRole#watched}): it then carries reader access. */
    public boolean watched(Cluster cluster) {
        return cluster.role().watched(primaries().size());
    }

    /** The primaries that watch a cluster: every primary but the cluster itself. */
    public List<Cluster> watchersOf(Cluster cluster) {
        return primaries().stream().filter(p -> !p.name().equals(cluster.name())).toList();
    }

    /**
     * {@code istio.version}, {@code istio.chartRepository} and, for a private repository, its login.
     *
     * @param login            {@code istio.chartRepositoryUsername} and {@code istio.chartRepositoryPassword}, when set
     * @param releaseOverrides {@code istio.values}, {@code istio.hub}, {@code istio.tag}, {@code istio.imagePullSecrets}
     *                         and {@code istio.dnsProxying}: for every cluster
     */
    public record Istio(String version, String chartRepository, Optional<ChartRepositoryLogin> login,
                        ReleaseOverrides releaseOverrides) {
        public Istio(String version, String chartRepository) {
            this(version, chartRepository, Optional.empty(), ReleaseOverrides.none());
        }
    }

    /**
     * What the user adds to a cluster's Helm releases: {@code clusters[]}'s values and typed settings
     * over {@code istio}'s.
     */
    public ReleaseOverrides releaseOverrides(Cluster cluster) {
        return cluster.releaseOverrides().over(istio.releaseOverrides());
    }

    /** The login of a private chart repository; the password is a secret wherever it goes. */
    public record ChartRepositoryLogin(String username, String password) {
        @Override
        public String toString() {
            return "ChartRepositoryLogin[username=" + username + ", password=[secret]]";
        }
    }

    /**
     * One item of {@code clusters}.
     *
     * @param apiServer     the URL the primaries reach this cluster's API server at; empty means "from the kubeconfig"
     * @param tlsServerName the {@code tls-server-name} of the remote secret's kubeconfig; empty means the URL's host
     * @param controlPlane  on a remote, the primary whose istiod serves it; empty on a primary
     * @param deleteUnreachable {@code deleteUnreachable}: its provider drops from the state what it cannot reach to delete
     * @param readerTokenGeneration {@code readerTokenGeneration}: raised by one to rotate the reader token
     * @param releaseOverrides the cluster's own {@code values}, {@code hub}, {@code tag}, {@code imagePullSecrets} and
     *                      {@code dnsProxying}, to merge over {@code istio}'s ({@link MeshConfig#releaseOverrides})
     */
    public record Cluster(String name, ClusterRole role, String context, String network, Optional<Kubeconfig> kubeconfig,
                          Optional<String> apiServer, Optional<String> tlsServerName, Optional<String> controlPlane,
                          Gateway gateway, boolean deleteUnreachable, int readerTokenGeneration,
                          ReleaseOverrides releaseOverrides) {
    }

    /** {@code clusters[].kubeconfig}: a file, or the file's content (always treated as a secret). */
    public record Kubeconfig(boolean inline, String value) {
    }

    /** {@code clusters[].gateway}. */
    public record Gateway(Optional<String> address, int port, GatewayServiceType serviceType,
                          Map<String, String> annotations) {
    }

    /** {@code ca}. */
    public record Ca(int rootValidityDays, int intermediateValidityDays, int rsaBits, boolean protectRootKey,
                     int intermediateRenewalDays) {
    }

    /** {@code samples}. */
    public record Samples(boolean enabled, String namespace) {
    }
}
