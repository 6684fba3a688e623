package io.istiomc.program;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.istiomc.components.CaBundle;
import io.istiomc.components.CertificateExpiry;
import io.istiomc.components.ClusterHandle;
import io.istiomc.components.MeshCertificateAuthority;
import io.istiomc.components.Printable;
import io.istiomc.components.MeshLink;
import io.istiomc.components.PrimaryCluster;
import io.istiomc.components.RemoteCluster;
import io.istiomc.components.SampleApps;
import io.istiomc.components.ClusterArgs;
import io.istiomc.components.EastWestGatewayArgs;
import io.istiomc.components.IstioCharts;
import io.istiomc.components.MeshCertificateAuthorityArgs;
import io.istiomc.components.MeshLinkArgs;
import io.istiomc.components.PrimaryClusterArgs;
import io.istiomc.components.RemoteClusterArgs;
import io.istiomc.components.SampleAppsArgs;
import io.istiomc.config.ClusterRole;
import io.istiomc.config.MeshConfig;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.RawConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The program: the primaries, their remotes, the shared CA, the link between them and, when asked,
 * the samples. Component names are the cluster names, so every resource's name says which cluster
 * it belongs to.
 */
public final class MeshProgram {
    public static final String CA_NAME = MeshConfig.CA_COMPONENT;
    public static final String LINK_NAME = MeshConfig.LINK_COMPONENT;
    public static final String SAMPLES_NAME = MeshConfig.SAMPLES_COMPONENT;
    /** The helloworld version the first primary serves; every other cluster serves the other, so answers show which side replied. */
    public static final String FIRST_PRIMARY_VERSION = "v1";
    public static final String OTHER_VERSION = "v2";

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
        var ca = define(ctx, config, apiServers);
        if (mode == ApiServers.Mode.DEPLOY) {
            // Known in a preview for certificates already issued: the warning comes before the up that needs it.
            ca.certificateExpiries().applyValue(expiries -> {
                var ends = new LinkedHashMap<String, java.time.Instant>();
                expiries.forEach((name, end) -> ends.put(name, java.time.Instant.parse(end)));
                CertificateExpiry.warnings(ends, java.time.Instant.now()).forEach(w -> ctx.log().warn(w));
                return null;
            });
        }
    }

    /**
     * The warnings of {@link CertificateExpiry} for the certificates a deployment at {@code now}
     * would issue: the offline plan has no state, so it judges the configured validity.
     */
    public static List<String> certificateWarningsIfIssuedAt(MeshConfig config, java.time.Instant now) {
        var ends = new LinkedHashMap<String, java.time.Instant>();
        ends.put(CertificateExpiry.ROOT, now.plus(java.time.Duration.ofDays(config.ca().rootValidityDays())));
        for (var cluster : config.clusters()) {
            ends.put(cluster.name(), now.plus(java.time.Duration.ofDays(config.ca().intermediateValidityDays())));
        }
        return CertificateExpiry.warnings(ends, now).stream()
                .map(w -> MeshConfig.NAMESPACE + ":ca: " + w + "; this plan judges the certificates a deployment issues now")
                .toList();
    }

    /**
     * Declares the mesh for a validated configuration and exports its outputs.
     *
     * @param apiServers the API server of every watched cluster, by cluster name, resolved once
     */
    public static MeshCertificateAuthority define(Context ctx, MeshConfig config, Map<String, ApiServers.ApiServer> apiServers) {
        var charts = new IstioCharts(config.istio().version(), config.istio().chartRepository(),
                config.istio().login().map(login -> new IstioCharts.Login(login.username(), Output.ofSecret(login.password()))));
        var clusterNames = config.clusters().stream().map(MeshConfig.Cluster::name).toList();
        var ca = new MeshCertificateAuthority(CA_NAME, MeshCertificateAuthorityArgs.builder()
                .clusterNames(clusterNames)
                .rootValidityDays(config.ca().rootValidityDays())
                .intermediateValidityDays(config.ca().intermediateValidityDays())
                .rsaBits(config.ca().rsaBits())
                .protectRootKey(config.ca().protectRootKey())
                .intermediateRenewalDays(config.ca().intermediateRenewalDays())
                .build());

        // The topology is data: roles, control planes and networks decide what each cluster gets.
        boolean multiNetwork = config.multiNetwork();
        var handles = new HashMap<String, ClusterHandle>();
        MeshLink link;
        for (var primary : config.primaries()) {
            handles.put(primary.name(), new PrimaryCluster(primary.name(), PrimaryClusterArgs.builder()
                    .cluster(clusterArgs(config, primary, charts, ca.bundle(primary.name())))
                    .servesRemotes(!config.remotesOf(primary.name()).isEmpty())
                    .multiNetwork(multiNetwork)
                    .watched(config.watched(primary))
                    .build()).handle());
        }
        var remotePilotAddresses = new LinkedHashMap<String, Output<String>>();
        // A remote's gateway pods become ready only once its primary holds its remote secret, which the
        // link declares after every cluster: the release waits for it through a dependency filled in then.
        var remoteSecretsOfRemotes = new LinkedHashMap<String, CompletableFuture<List<Resource>>>();
        try {
            for (var remote : config.remotes()) {
                var controlPlane = handles.get(remote.controlPlane().orElseThrow());
                var pilotAddress = controlPlane.gateway().orElseThrow().address();
                var remoteSecret = new CompletableFuture<List<Resource>>();
                remoteSecretsOfRemotes.put(remote.name(), remoteSecret);
                handles.put(remote.name(), new RemoteCluster(remote.name(), RemoteClusterArgs.builder()
                        .cluster(clusterArgs(config, remote, charts, ca.bundle(remote.name())))
                        .primaryClusterName(controlPlane.clusterName())
                        .remotePilotAddress(pilotAddress)
                        .multiNetwork(multiNetwork)
                        .eastWestGatewayAfter(Output.of(remoteSecret))
                        .build()).handle());
                remotePilotAddresses.put(remote.name(), pilotAddress);
            }

            var linkArgs = MeshLinkArgs.builder();
            config.primaries().forEach(primary -> linkArgs.watcher(handles.get(primary.name())));
            for (var cluster : config.clusters()) {
                if (config.watched(cluster)) {
                    linkArgs.watched(handles.get(cluster.name()), apiServers.get(cluster.name()).endpoint());
                }
            }
            link = new MeshLink(LINK_NAME, linkArgs.build());
            for (var remote : config.remotes()) {
                var secret = link.remoteSecret(remote.controlPlane().orElseThrow(), remote.name()).orElseThrow();
                remoteSecretsOfRemotes.get(remote.name()).complete(List.of(secret));
            }
        } finally {
            // Never leave a release waiting for a dependency that will not come: the run reports the error instead.
            remoteSecretsOfRemotes.values().forEach(f -> f.completeExceptionally(
                    new IllegalStateException("the mesh link was not declared")));
        }

        var gatewayAddresses = new LinkedHashMap<String, Output<String>>();
        for (var cluster : config.clusters()) {
            handles.get(cluster.name()).gateway().ifPresent(g -> gatewayAddresses.put(cluster.name(), g.address()));
        }
        ctx.export("gatewayAddresses", byName(gatewayAddresses));
        ctx.export("remotePilotAddresses", byName(remotePilotAddresses));
        if (multiNetwork) {
            ctx.export("meshNetworks", link.meshNetworks().applyValue(doc -> doc.orElseThrow()));
        }
        ctx.export("remoteSecrets", link.remoteSecretNames());
        ctx.export("rootCertPem", ca.rootCertPem());
        ctx.export("certificateExpiries", ca.certificateExpiries());

        if (config.samples().enabled()) {
            var samples = SampleAppsArgs.builder().namespace(config.samples().namespace());
            var firstPrimary = config.primaries().get(0).name();
            for (var cluster : config.clusters()) {
                var handle = handles.get(cluster.name());
                // A remote's sidecars get certificates only once its primary watches it.
                List<Resource> after = cluster.role() == ClusterRole.REMOTE ? List.of(handle.istiod(), link)
                        : List.of(handle.istiod());
                samples.placement(new SampleAppsArgs.Placement(handle,
                        cluster.name().equals(firstPrimary) ? FIRST_PRIMARY_VERSION : OTHER_VERSION, after));
            }
            new SampleApps(SAMPLES_NAME, samples.build(), ComponentResourceOptions.builder().build());
            var commands = new LinkedHashMap<String, String>();
            for (var cluster : config.clusters()) {
                commands.put(cluster.name(), SampleApps.verifyCommand(cluster.context(),
                        cluster.kubeconfig().filter(k -> !k.inline()).map(MeshConfig.Kubeconfig::value),
                        config.samples().namespace()));
            }
            ctx.export("verifyCommands", Output.of(commands));
        }
        return ca;
    }

    /** A map of outputs by cluster name as one output, in the order given. */
    private static Output<Map<String, String>> byName(LinkedHashMap<String, Output<String>> outputs) {
        var names = List.copyOf(outputs.keySet());
        return Output.all(List.copyOf(outputs.values())).applyValue(values -> {
            var byCluster = new LinkedHashMap<String, String>();
            for (int i = 0; i < names.size(); i++) {
                byCluster.put(names.get(i), values.get(i));
            }
            return byCluster;
        });
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
                .deleteUnreachable(cluster.deleteUnreachable())
                .readerTokenGeneration(cluster.readerTokenGeneration())
                .releaseOverrides(config.releaseOverrides(cluster))
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
