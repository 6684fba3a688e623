package io.istiomc.components.provider;

import io.istiomc.components.Relayed;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.istiomc.components.CaBundle;

/**
 * Schema type {@code istio-multicluster:index:CaCertificates}: one cluster's {@code cacerts}
 * material, each field an output of {@code MeshCertificateAuthority} (its maps keyed by cluster
 * name), so the CA and the cluster may live in different programs or languages. Each field is
 * an {@code Output} of an {@code Output}: see {@link Relayed}.
 */
public final class CaCertificatesArgs {
    /** The cluster's intermediate CA certificate (PEM): {@code caCertPems[<cluster>]}. */
    @Import(name = "caCertPem", required = true)
    private Output<Output<String>> caCertPem;

    /** The intermediate's private key (PEM), a secret: {@code caKeyPems[<cluster>]}. */
    @Import(name = "caKeyPem", required = true)
    private Output<Output<String>> caKeyPem;

    /** The shared root certificate (PEM): {@code rootCertPem}. */
    @Import(name = "rootCertPem", required = true)
    private Output<Output<String>> rootCertPem;

    /** The intermediate followed by the root: {@code certChainPems[<cluster>]}. */
    @Import(name = "certChainPem", required = true)
    private Output<Output<String>> certChainPem;

    private CaCertificatesArgs() {
    }

    CaBundle toLibrary() {
        // The key stays a secret even if the caller passed it as a plain value.
        return new CaBundle(Relayed.flat(caCertPem), Relayed.flat(caKeyPem).asSecret(), Relayed.flat(rootCertPem),
                Relayed.flat(certChainPem));
    }
}
