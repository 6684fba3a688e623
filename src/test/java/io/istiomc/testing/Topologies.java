package io.istiomc.testing;

import io.istiomc.components.GatewayServiceType;
import io.istiomc.components.inputs.EastWestGatewayArgs;
import io.istiomc.components.inputs.IstioCharts;
import io.istiomc.config.ClusterRole;
import io.istiomc.config.MeshConfig;
import io.istiomc.plan.Plan;
import io.istiomc.plan.PlanRunner;
import io.istiomc.program.ApiServers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Istio's four multicluster topologies and a mix of them, as validated configurations: Istio's
 * guides {@code primary-remote}, {@code primary-remote_multi-network}, {@code multi-primary},
 * {@code multi-primary_multi-network}, and two primaries with two remotes each on three networks.
 * Built as {@link MeshConfig} values, the configuration the program is given once read and validated.
 */
public final class Topologies {
    public static final String PRIMARY_REMOTE = "primary-remote";
    public static final String PRIMARY_REMOTE_MULTINETWORK = "primary-remote-multinetwork";
    public static final String MULTI_PRIMARY = "multi-primary";
    public static final String MULTI_PRIMARY_MULTINETWORK = "multi-primary-multinetwork";
    public static final String MIXED = "mixed";
    public static final List<String> ALL = List.of(PRIMARY_REMOTE, PRIMARY_REMOTE_MULTINETWORK, MULTI_PRIMARY,
            MULTI_PRIMARY_MULTINETWORK, MIXED);
    /** The tls-server-name the mixed topology gives cluster {@code west}. */
    public static final String WEST_TLS_SERVER_NAME = "kubernetes.west.internal";

    private Topologies() {
    }

    /** The configuration of a topology by name; samples on. */
    public static MeshConfig config(String topology) {
        var clusters = new ArrayList<MeshConfig.Cluster>();
        switch (topology) {
            case PRIMARY_REMOTE -> {
                clusters.add(primary("cluster1", "network1"));
                clusters.add(remote("cluster2", "network1", "cluster1"));
            }
            case PRIMARY_REMOTE_MULTINETWORK -> {
                clusters.add(primary("cluster1", "network1"));
                clusters.add(remote("cluster2", "network2", "cluster1"));
            }
            case MULTI_PRIMARY -> {
                clusters.add(primary("cluster1", "network1"));
                clusters.add(primary("cluster2", "network1"));
            }
            case MULTI_PRIMARY_MULTINETWORK -> {
                clusters.add(primary("cluster1", "network1"));
                clusters.add(primary("cluster2", "network2"));
            }
            case MIXED -> {
                clusters.add(primary("east", "net-east"));
                clusters.add(remote("east-a", "net-east", "east"));
                clusters.add(remote("east-b", "net-edge", "east"));
                var west = primary("west", "net-west");
                clusters.add(new MeshConfig.Cluster(west.name(), west.role(), west.context(), west.network(),
                        west.kubeconfig(), west.apiServer(), Optional.of(WEST_TLS_SERVER_NAME), west.controlPlane(),
                        west.gateway()));
                clusters.add(remote("west-a", "net-west", "west"));
                clusters.add(remote("west-b", "net-edge", "west"));
            }
            default -> throw new IllegalArgumentException("unsupported topology '" + topology + "'");
        }
        return new MeshConfig("mesh1", new MeshConfig.Istio("1.30.3", IstioCharts.OFFICIAL_REPOSITORY), clusters,
                new MeshConfig.Ca(3650, 730, 2048, false), new MeshConfig.Samples(true, "sample"));
    }

    /** The plan of a topology, its API servers resolved as the offline plan resolves them. */
    public static Plan plan(String topology) {
        var config = config(topology);
        var warnings = new ArrayList<String>();
        var apiServers = ApiServers.resolve(config, ApiServers.Mode.PLAN, List.of(), warnings);
        return PlanRunner.run(topology, config, apiServers, warnings);
    }

    private static MeshConfig.Cluster primary(String name, String network) {
        return cluster(name, ClusterRole.PRIMARY, network, Optional.empty());
    }

    private static MeshConfig.Cluster remote(String name, String network, String controlPlane) {
        return cluster(name, ClusterRole.REMOTE, network, Optional.of(controlPlane));
    }

    private static MeshConfig.Cluster cluster(String name, ClusterRole role, String network, Optional<String> controlPlane) {
        return new MeshConfig.Cluster(name, role, "ctx-" + name, network, Optional.empty(),
                Optional.of("https://api." + name + ".example:6443"), Optional.empty(), controlPlane,
                new MeshConfig.Gateway(Optional.empty(), EastWestGatewayArgs.DEFAULT_PORT, GatewayServiceType.LOAD_BALANCER,
                        Map.of()));
    }
}
