package io.istiomc.components.provider;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ComponentResourceOptions;
import io.istiomc.components.CaBundle;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code istio-multicluster:index:MeshCertificateAuthority} for every Pulumi language: the Java
 * {@link io.istiomc.components.MeshCertificateAuthority}, exporting each cluster's {@code cacerts}
 * material in maps keyed by cluster name, which a cluster's {@code certificates} input takes.
 */
public final class MeshCertificateAuthority extends io.istiomc.components.MeshCertificateAuthority {
    /** The shared root certificate (PEM). */
    @Export(name = "rootCertPem", refs = String.class)
    @Import(required = true)
    private final Output<String> rootCertPem;

    /** Each cluster's intermediate CA certificate (PEM), by cluster name. */
    @Export(name = "caCertPems", refs = {Map.class, String.class}, tree = "[0,1,1]")
    @Import(required = true)
    private final Output<Map<String, String>> caCertPems;

    /** Each cluster's intermediate private key (PEM), by cluster name. Secret. */
    @Export(name = "caKeyPems", refs = {Map.class, String.class}, tree = "[0,1,1]")
    @Import(required = true)
    private final Output<Map<String, String>> caKeyPems;

    /** Each cluster's chain, intermediate then root (PEM), by cluster name. */
    @Export(name = "certChainPems", refs = {Map.class, String.class}, tree = "[0,1,1]")
    @Import(required = true)
    private final Output<Map<String, String>> certChainPems;

    public MeshCertificateAuthority(String name, MeshCertificateAuthorityArgs args, ComponentResourceOptions options) {
        super(name, args.toLibrary(), options);
        this.rootCertPem = rootCertPem();
        this.caCertPems = byCluster(args.clusterNames(), CaBundle::caCertPem);
        this.caKeyPems = byCluster(args.clusterNames(), CaBundle::caKeyPem).asSecret();
        this.certChainPems = byCluster(args.clusterNames(), CaBundle::certChainPem);
    }

    private Output<Map<String, String>> byCluster(List<String> clusterNames, Function<CaBundle, Output<String>> part) {
        var values = clusterNames.stream().map(cluster -> part.apply(bundle(cluster))).toList();
        return Output.all(values).applyValue(pems -> {
            var map = new java.util.LinkedHashMap<String, String>();
            for (int i = 0; i < clusterNames.size(); i++) {
                map.put(clusterNames.get(i), pems.get(i));
            }
            return Map.copyOf(map);
        });
    }
}
