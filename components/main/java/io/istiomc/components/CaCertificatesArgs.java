package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;

/**
 * One cluster's {@code cacerts} material (schema type {@code CaCertificates}), each field an output
 * of {@link MeshCertificateAuthority} (its maps keyed by cluster name), so the CA and the cluster
 * may live in different programs or languages. Each field is an {@code Output} of an
 * {@code Output}: see {@link Relayed}.
 */
public final class CaCertificatesArgs {
    /** The cluster's intermediate CA certificate (PEM): {@code caCertPems[<cluster>]}. Required. */
    @Import(name = "caCertPem", required = true)
    private Output<Output<String>> caCertPem;

    /** The intermediate's private key (PEM), a secret: {@code caKeyPems[<cluster>]}. Required. */
    @Import(name = "caKeyPem", required = true)
    private Output<Output<String>> caKeyPem;

    /** The shared root certificate (PEM): {@code rootCertPem}. Required. */
    @Import(name = "rootCertPem", required = true)
    private Output<Output<String>> rootCertPem;

    /** The intermediate followed by the root: {@code certChainPems[<cluster>]}. Required. */
    @Import(name = "certChainPem", required = true)
    private Output<Output<String>> certChainPem;

    private CaCertificatesArgs() {
    }

    /** The material of a bundle, as the Java API hands it over. */
    public static CaCertificatesArgs of(CaBundle bundle) {
        var args = new CaCertificatesArgs();
        args.caCertPem = Relayed.wrap(bundle.caCertPem());
        args.caKeyPem = Relayed.wrap(bundle.caKeyPem());
        args.rootCertPem = Relayed.wrap(bundle.rootCertPem());
        args.certChainPem = Relayed.wrap(bundle.certChainPem());
        return args;
    }

    /** The material as the cluster's {@code cacerts} takes it; the key a secret even if it was passed as a plain value. */
    public CaBundle bundle() {
        return new CaBundle(Relayed.required(caCertPem, "cluster.certificates.caCertPem"),
                Relayed.required(caKeyPem, "cluster.certificates.caKeyPem").asSecret(),
                Relayed.required(rootCertPem, "cluster.certificates.rootCertPem"),
                Relayed.required(certChainPem, "cluster.certificates.certChainPem"));
    }
}
