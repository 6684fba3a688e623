package io.istiomc.components;

import com.pulumi.core.Output;

/**
 * The material of one cluster's {@code cacerts} secret, the keys istiod reads to sign workload
 * certificates with the mesh's root instead of a self-signed one.
 *
 * @param caCertPem    the cluster's intermediate CA certificate ({@code ca-cert.pem})
 * @param caKeyPem     the intermediate's private key ({@code ca-key.pem}); secret
 * @param rootCertPem  the roots every cluster trusts ({@code root-cert.pem}): one, or several during a root rotation
 * @param certChainPem the intermediate followed by the root that signs it ({@code cert-chain.pem})
 */
public record CaBundle(Output<String> caCertPem, Output<String> caKeyPem, Output<String> rootCertPem,
                       Output<String> certChainPem) {
}
