package io.istiomc.components;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * What a mesh's shape follows from its clusters' roles, control planes and networks, computed once
 * and nowhere else: which primary serves each remote, who watches whom, which clusters run an
 * east-west gateway and whether the mesh spans networks. As in Istio's guides:
 * <ul>
 *   <li>a remote uses the istiod of its control plane (the primary it names, or the only one);</li>
 *   <li>every primary watches every other cluster (holds a remote secret for it), so a remote is
 *   always watched and a primary is when there is another;</li>
 *   <li>a cluster runs an east-west gateway where the mesh spans several networks (cross-network
 *   traffic) and on a primary that serves remotes (they reach its istiod through it).</li>
 * </ul>
 * Clusters whose role is unknown are neither primaries nor remotes here; {@link #check()} reports them.
 */
public final class MeshTopology {
    private final List<MeshClusterArgs> clusters;
    private final List<MeshClusterArgs> primaries;

    private MeshTopology(List<MeshClusterArgs> clusters) {
        this.clusters = List.copyOf(clusters);
        this.primaries = this.clusters.stream().filter(MeshClusterArgs::isPrimary).toList();
    }

    public static MeshTopology of(MeshArgs args) {
        return new MeshTopology(args.clusters());
    }

    public static MeshTopology of(List<MeshClusterArgs> clusters) {
        return new MeshTopology(clusters);
    }

    /** Every cluster, in the order given. */
    public List<MeshClusterArgs> clusters() {
        return clusters;
    }

    /** The primaries, in order: each runs istiod. */
    public List<MeshClusterArgs> primaries() {
        return primaries;
    }

    /** The remotes, in order. */
    public List<MeshClusterArgs> remotes() {
        return clusters.stream().filter(MeshClusterArgs::isRemote).toList();
    }

    /** The cluster of this name. */
    public Optional<MeshClusterArgs> cluster(String name) {
        return clusters.stream().filter(c -> name.equals(c.name())).findFirst();
    }

    /** The primary whose istiod serves a remote: the one it names, else the only primary. Empty on a primary. */
    public Optional<String> controlPlaneOf(MeshClusterArgs cluster) {
        if (!cluster.isRemote()) {
            return Optional.empty();
        }
        return cluster.controlPlane().or(() -> primaries.size() == 1 ? Optional.of(primaries.get(0).name()) : Optional.empty());
    }

    /** The remotes a primary serves, in order. */
    public List<MeshClusterArgs> remotesOf(String primary) {
        return remotes().stream().filter(r -> controlPlaneOf(r).filter(primary::equals).isPresent()).toList();
    }

    /** Whether some remote uses this primary's istiod: then istiod is exposed through its gateway. */
    public boolean servesRemotes(MeshClusterArgs cluster) {
        return cluster.isPrimary() && !remotesOf(cluster.name()).isEmpty();
    }

    /** Whether some primary watches the cluster: every remote, and every primary when there are several. */
    public boolean watched(MeshClusterArgs cluster) {
        return cluster.isRemote() || (cluster.isPrimary() && primaries.size() > 1);
    }

    /** The primaries that watch a cluster: every primary but the cluster itself. */
    public List<MeshClusterArgs> watchersOf(MeshClusterArgs cluster) {
        return primaries.stream().filter(p -> !p.name().equals(cluster.name())).toList();
    }

    /** Whether the clusters are on more than one network: then every cluster runs an east-west gateway. */
    public boolean multiNetwork() {
        return clusters.stream().map(MeshClusterArgs::network).distinct().count() > 1;
    }

    /** Whether the cluster runs an east-west gateway. */
    public boolean needsGateway(MeshClusterArgs cluster) {
        return IstioNetworking.needsEastWestGateway(servesRemotes(cluster), multiNetwork());
    }

    /**
     * The rules of the topology: at least one primary; unique names; a remote's control plane is a
     * primary of the mesh, and must be named when there are several; a primary names none; the API
     * server settings only on a watched cluster; a LoadBalancer gateway on a primary that serves
     * remotes. Nothing is judged against the other clusters while a role is unknown, since fixing
     * that (reported by {@link Mesh#check}) may change the answer.
     *
     * @return problems named {@code clusters} or {@code clusters[i].<property>}
     */
    public List<Problem> check() {
        var problems = new ArrayList<Problem>();
        var rolesKnown = clusters.stream().allMatch(c -> c.role().isPresent());
        var names = new HashMap<String, Integer>();
        var primaryNames = primaries.stream().map(MeshClusterArgs::name).toList();
        var choices = " (" + String.join(", ", primaryNames) + ")";
        for (int i = 0; i < clusters.size(); i++) {
            var cluster = clusters.get(i);
            var at = "clusters[" + i + "].";
            var first = names.putIfAbsent(cluster.name(), i);
            if (first != null) {
                problems.add(new Problem(at + "name", "'" + cluster.name() + "' is already the name of clusters[" + first
                        + "]; cluster names must be unique"));
            }
            if (cluster.isPrimary() && cluster.controlPlane().isPresent()) {
                problems.add(new Problem(at + "controlPlane",
                        "is only for remotes: a primary runs its own istiod, which serves it; remove it"));
            }
            if (cluster.isRemote() && rolesKnown && !primaries.isEmpty()) {
                var named = cluster.controlPlane();
                if (named.isEmpty() && primaries.size() > 1) {
                    problems.add(new Problem(at + "controlPlane", "is required when there are several primaries; name the"
                            + " primary whose istiod serves this remote" + choices));
                } else if (named.isPresent() && cluster(named.get()).isEmpty()) {
                    problems.add(new Problem(at + "controlPlane", "names '" + named.get() + "', which is not a cluster of"
                            + " this mesh; name a primary" + choices));
                } else if (named.isPresent() && cluster(named.get()).filter(MeshClusterArgs::isRemote).isPresent()) {
                    problems.add(new Problem(at + "controlPlane", "names '" + named.get() + "', which is a remote; name a"
                            + " primary" + choices));
                }
            }
            if (cluster.isPrimary() && !watched(cluster)) {
                cluster.apiServer().ifPresent(a -> problems.add(unwatched(at + "apiServer")));
                cluster.tlsServerName().ifPresent(t -> problems.add(unwatched(at + "tlsServerName")));
                cluster.readerTokenGeneration().ifPresent(g -> problems.add(unwatched(at + "readerTokenGeneration")));
            }
            if (rolesKnown && servesRemotes(cluster)) {
                cluster.gateway().serviceTypeIfValid().ifPresent(type -> problems.addAll(Problem.under(at + "gateway.",
                        EastWestGatewayArgs.checkExposesIstiod(type))));
            }
        }
        if (rolesKnown && !clusters.isEmpty() && primaries.isEmpty()) {
            problems.add(new Problem("clusters", "must have at least one cluster with 'role: primary' (found none); mark"
                    + " each cluster that runs istiod as 'role: primary'"));
        }
        return problems;
    }

    /**
     * The rule that a named revision reaches the remotes only through a gateway with an IP address
     * ({@link IstioValues#remoteIstiod} says why), for a gateway whose address the stack gives; one
     * the cluster reports (a load balancer's hostname) is checked once known.
     *
     * @param namedRevision a named revision the mesh runs, if any
     * @return problems named {@code clusters[i].gateway.address}
     */
    public List<Problem> checkRevisionsReachRemotes(Optional<String> namedRevision) {
        var problems = new ArrayList<Problem>();
        if (namedRevision.isEmpty()) {
            return problems;
        }
        for (int i = 0; i < clusters.size(); i++) {
            var cluster = clusters.get(i);
            var address = cluster.gateway().address().filter(GatewayAddresses::isAddress);
            if (servesRemotes(cluster) && address.flatMap(IstiodWebhooks::urls).isPresent()) {
                problems.add(new Problem("clusters[" + i + "].gateway.address", "'" + address.get() + "' is a DNS name,"
                        + " and the revision '" + namedRevision.get() + "' cannot serve this primary's remotes ("
                        + remotesOf(cluster.name()).stream().map(MeshClusterArgs::name).toList() + ") through it: a remote's"
                        + " API server reaches a DNS-named gateway by URL, whose TLS server name is the gateway's, not"
                        + " istiod-" + namedRevision.get() + "'s; give an IP address, or keep 'istio.version' alone"));
            }
        }
        return problems;
    }

    /**
     * The rule that a watched cluster's API server is given: its primaries dial it with the reader
     * token. Checked apart from {@link #check()}, since a program may fill it in (from a kubeconfig)
     * after reading the rest.
     *
     * @return problems named {@code clusters[i].apiServer}
     */
    public List<Problem> checkApiServers() {
        var problems = new ArrayList<Problem>();
        for (int i = 0; i < clusters.size(); i++) {
            if (watched(clusters.get(i)) && clusters.get(i).apiServer().isEmpty()) {
                problems.add(new Problem("clusters[" + i + "].apiServer", "is required where a primary watches the"
                        + " cluster; set the https URL at which its primaries reach this API server"));
            }
        }
        return problems;
    }

    private static Problem unwatched(String property) {
        return new Problem(property, "is only used for a cluster that a primary watches (it goes into that primary's"
                + " remote secret for this cluster); the only primary is watched by none, so remove it");
    }
}
