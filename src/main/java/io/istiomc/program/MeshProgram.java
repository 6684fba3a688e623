package io.istiomc.program;

import com.pulumi.Context;
import io.istiomc.components.CertificateExpiry;
import io.istiomc.components.Mesh;
import io.istiomc.components.MeshArgs;
import io.istiomc.components.MeshTopology;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.Printable;
import io.istiomc.config.RawConfig;
import io.istiomc.config.StackConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The program: reads the stack config into the library's {@link MeshArgs}, resolves the watched
 * clusters' API servers once, declares one {@link Mesh} and exports its outputs. Everything that can
 * be wrong with the configuration is found before the first resource is registered.
 */
public final class MeshProgram {
    /** The name of the one {@code Mesh} of a stack. */
    public static final String MESH_NAME = StackConfig.MESH_NAME;

    private MeshProgram() {
    }

    /** Reads, validates and deploys. */
    public static void run(Context ctx, RawConfig raw, ApiServers.Mode mode, List<Path> defaultKubeconfigs) {
        var config = MeshConfigReader.read(raw);
        var warnings = new ArrayList<String>();
        var apiServers = ApiServers.resolve(config, mode, defaultKubeconfigs, warnings);
        if (mode == ApiServers.Mode.DEPLOY) {
            // The offline plan prints the same warnings itself, once, as 'warning:' lines.
            warnings.forEach(w -> ctx.log().warn(Printable.escape(w)));
        }
        var mesh = define(ctx, ApiServers.withApiServers(config.mesh(), apiServers));
        if (mode == ApiServers.Mode.DEPLOY) {
            // Known in a preview for certificates already issued: the warning comes before the up that needs it.
            mesh.certificateExpiries().applyValue(expiries -> {
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
    public static List<String> certificateWarningsIfIssuedAt(MeshArgs mesh, java.time.Instant now) {
        var ends = new LinkedHashMap<String, java.time.Instant>();
        for (var root : mesh.ca().roots()) {
            ends.put(CertificateExpiry.rootKey(root), now.plus(java.time.Duration.ofDays(mesh.ca().rootValidityDays())));
        }
        for (var cluster : mesh.clusters()) {
            ends.put(cluster.name(), now.plus(java.time.Duration.ofDays(mesh.ca().intermediateValidityDays())));
        }
        return CertificateExpiry.warnings(ends, now).stream()
                .map(w -> StackConfig.NAMESPACE + ":ca: " + w + "; this plan judges the certificates a deployment issues now")
                .toList();
    }

    /** Declares the mesh of validated args, every watched cluster's API server resolved, and exports its outputs. */
    public static Mesh define(Context ctx, MeshArgs args) {
        var mesh = new Mesh(MESH_NAME, args, null);
        ctx.export("gatewayAddresses", mesh.gatewayAddresses());
        ctx.export("remotePilotAddresses", mesh.remotePilotAddresses());
        if (MeshTopology.of(args).multiNetwork()) {
            ctx.export("meshNetworks", mesh.meshNetworks().applyValue(doc -> doc.orElseThrow()));
        }
        ctx.export("remoteSecrets", mesh.remoteSecrets());
        ctx.export("rootCertPem", mesh.rootCertPem());
        ctx.export("certificateExpiries", mesh.certificateExpiries());
        ctx.export("revisions", mesh.revisions());
        ctx.export("revisionTags", mesh.revisionTags());
        if (args.samples().enabled()) {
            ctx.export("verifyCommands", mesh.verifyCommands().applyValue(commands -> commands.orElseThrow()));
        }
        return mesh;
    }
}
