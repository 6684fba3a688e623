package io.istiomc.components.provider;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.List;

/**
 * Inputs of {@code istio-multicluster:index:MeshCertificateAuthority}; defaults and rules as in
 * {@link io.istiomc.components.MeshCertificateAuthorityArgs}.
 */
public final class MeshCertificateAuthorityArgs extends ResourceArgs {
    /** The clusters that get an intermediate CA, one each, named after the cluster. */
    @Import(name = "clusterNames", required = true)
    private List<String> clusterNames;

    /** Default: 3650. */
    @Import(name = "rootValidityDays")
    private @Nullable Integer rootValidityDays;

    /** Default: 730; at most {@code rootValidityDays}. */
    @Import(name = "intermediateValidityDays")
    private @Nullable Integer intermediateValidityDays;

    /** 2048, 3072 or 4096. Default: 4096. */
    @Import(name = "rsaBits")
    private @Nullable Integer rsaBits;

    /** Whether {@code pulumi destroy} refuses to delete the root key. Default: false. */
    @Import(name = "protectRootKey")
    private @Nullable Boolean protectRootKey;

    private MeshCertificateAuthorityArgs() {
    }

    List<String> clusterNames() {
        return clusterNames;
    }

    io.istiomc.components.MeshCertificateAuthorityArgs toLibrary() {
        var ca = io.istiomc.components.MeshCertificateAuthorityArgs.builder().clusterNames(clusterNames);
        if (rootValidityDays != null) {
            ca.rootValidityDays(rootValidityDays);
        }
        if (intermediateValidityDays != null) {
            ca.intermediateValidityDays(intermediateValidityDays);
        }
        if (rsaBits != null) {
            ca.rsaBits(rsaBits);
        }
        if (protectRootKey != null) {
            ca.protectRootKey(protectRootKey);
        }
        return ca.build();
    }
}
