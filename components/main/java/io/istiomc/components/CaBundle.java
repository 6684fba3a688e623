package io.istiomc.components;

import com.pulumi.core.Output;

/**
 * The material of one cluster's {@code cacerts} secret, the keys istiod reads at start-up to
 * sign workload certificates with the shared root instead of a self-signed one.
 *
 * @param caCertPem    the cluster's intermediate CA certificate ({@code ca-cert.pem})
 * @param caKeyPem     the intermediate's private key ({@code ca-key.pem}); secret
 * @param rootCertPem  the shared root certificate ({@code root-cert.pem})
 * @param certChainPem the intermediate followed by the root ({@code cert-chain.pem})
 */
public record CaBundle(Output<String> caCertPem, Output<String> caKeyPem, Output<String> rootCertPem,
                       Output<String> certChainPem) {
}
