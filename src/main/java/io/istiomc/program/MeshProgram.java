package io.istiomc.program;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.istiomc.components.CaBundle;
import io.istiomc.components.MeshCertificateAuthority;
import io.istiomc.components.Printable;
import io.istiomc.components.MeshLink;
import io.istiomc.components.PrimaryCluster;
import io.istiomc.components.RemoteCluster;
import io.istiomc.components.SampleApps;
import io.istiomc.components.inputs.ClusterArgs;
import io.istiomc.components.inputs.EastWestGatewayArgs;
import io.istiomc.components.inputs.IstioCharts;
import io.istiomc.components.inputs.MeshCertificateAuthorityArgs;
import io.istiomc.components.inputs.MeshLinkArgs;
import io.istiomc.components.inputs.PrimaryClusterArgs;
import io.istiomc.components.inputs.RemoteClusterArgs;
import io.istiomc.components.inputs.SampleAppsArgs;
import io.istiomc.config.MeshConfig;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.RawConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The program: one primary, its remotes, the shared CA, the link between them and, when asked, the
 * samples. Component names are the cluster names, so every resource's name says which cluster it
 * belongs to.
 */
public final class MeshProgram {
    public static final String CA_NAME = "mesh-ca";
    public static final String LINK_NAME = "mesh-link";
    public static final String SAMPLES_NAME = "samples";
    /** The helloworld version the primary serves; remotes serve the other, so answers show which side replied. */
    public static final String PRIMARY_VERSION = "v1";
    public static final String REMOTE_VERSION = "v2";

    private MeshProgram() {
    }

    /**
     * Reads, validates and deploys. Everything that can be wrong with the configuration is found
     * before the first resource is registered.
     */
    public static void run(Context ctx, RawConfig raw, ApiServers.Mode mode, List<Path> defaultKubeconfigs) {
        var config = MeshConfigReader.read(raw);
        var warnings = new ArrayList<String>();
        var apiServers = ApiServers.resolve(config, mode, defaultKubeconfigs, warnings);
        if (mode == ApiServers.Mode.DEPLOY) {
            // The offline plan prints the same warnings itself, once, as 'warning:' lines.
            warnings.forEach(w -> ctx.log().warn(Printable.escape(w)));
        }
        define(ctx, config, apiServers);
    }

    /** Declares the mesh for a validated configuration and exports its outputs. */
    public static void define(Context ctx, MeshConfig config, Map<String, ApiServers.ApiServer> apiServers) {
        var charts = new IstioCharts(config.istio().version(), config.istio().chartRepository(),
                config.istio().login().map(login -> new IstioCharts.Login(login.username(), Output.ofSecret(login.password()))));
        var clusterNames = config.clusters().stream().map(MeshConfig.Cluster::name).toList();
        var ca = new MeshCertificateAuthority(CA_NAME, MeshCertificateAuthorityArgs.builder()
                .clusterNames(clusterNames)
                .rootValidityDays(config.ca().rootValidityDays())
                .intermediateValidityDays(config.ca().intermediateValidityDays())
                .rsaBits(config.ca().rsaBits())
                .protectRootKey(config.ca().protectRootKey())
                .build());

        var primaryConfig = config.primary();
        var primary = new PrimaryCluster(primaryConfig.name(), PrimaryClusterArgs.builder()
                .cluster(clusterArgs(config, primaryConfig, charts, ca.bundle(primaryConfig.name())))
                .build());

        var remotes = new ArrayList<RemoteCluster>();
        for (var remoteConfig : config.remotes()) {
            remotes.add(new RemoteCluster(remoteConfig.name(), RemoteClusterArgs.builder()
                    .cluster(clusterArgs(config, remoteConfig, charts, ca.bundle(remoteConfig.name())))
                    .primaryClusterName(primaryConfig.name())
                    .remotePilotAddress(primary.gatewayAddress())
                    .apiServer(apiServers.get(remoteConfig.name()).url())
                    .build()));
        }

        var link = new MeshLink(LINK_NAME, MeshLinkArgs.builder().primary(primary).remotes(remotes).build());

        var gatewayAddresses = new LinkedHashMap<String, Output<String>>();
        gatewayAddresses.put(primaryConfig.name(), primary.gatewayAddress());
        for (int i = 0; i < remotes.size(); i++) {
            gatewayAddresses.put(config.remotes().get(i).name(), remotes.get(i).gatewayAddress());
        }
        ctx.export("gatewayAddresses", Output.all(List.copyOf(gatewayAddresses.values())).applyValue(addresses -> {
            var byCluster = new LinkedHashMap<String, String>();
            var names = List.copyOf(gatewayAddresses.keySet());
            for (int i = 0; i < names.size(); i++) {
                byCluster.put(names.get(i), addresses.get(i));
            }
            return byCluster;
        }));
        ctx.export("remotePilotAddress", primary.gatewayAddress());
        ctx.export("meshNetworks", link.meshNetworks());
        ctx.export("remoteSecrets", link.remoteSecretNames());
        ctx.export("rootCertPem", ca.rootCertPem());

        if (config.samples().enabled()) {
            var samples = SampleAppsArgs.builder().namespace(config.samples().namespace());
            samples.placement(new SampleAppsArgs.Placement(primary.ref(), PRIMARY_VERSION, List.of(primary.istiodRelease())));
            for (var remote : remotes) {
                samples.placement(new SampleAppsArgs.Placement(remote.ref(), REMOTE_VERSION,
                        List.of(remote.istiodRelease(), link)));
            }
            new SampleApps(SAMPLES_NAME, samples.build(), ComponentResourceOptions.builder().build());
            var commands = new LinkedHashMap<String, String>();
            for (var cluster : config.clusters()) {
                commands.put(cluster.name(), SampleApps.verifyCommand(cluster.context(), config.samples().namespace()));
            }
            ctx.export("verifyCommands", Output.of(commands));
        }
    }

    private static ClusterArgs clusterArgs(MeshConfig config, MeshConfig.Cluster cluster, IstioCharts charts,
                                           CaBundle certificates) {
        var gateway = cluster.gateway();
        var args = ClusterArgs.builder()
                .clusterName(cluster.name())
                .context(cluster.context())
                .network(cluster.network())
                .meshId(config.meshId())
                .charts(charts)
                .certificates(certificates)
                .gateway(EastWestGatewayArgs.builder()
                        .serviceType(gateway.serviceType())
                        .port(gateway.port())
                        .address(gateway.address().orElse(null))
                        .annotations(gateway.annotations())
                        .build());
        cluster.kubeconfig().ifPresent(k -> args.kubeconfig(k.inline() ? Output.ofSecret(k.value()) : Output.of(k.value())));
        return args.build();
    }
}
