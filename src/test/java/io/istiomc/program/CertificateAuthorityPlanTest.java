package io.istiomc.program;

import io.istiomc.components.RegisteredNames;
import io.istiomc.testing.StackYaml;

import io.istiomc.plan.Plan;
import io.istiomc.plan.RecordedResource;
import io.istiomc.testing.MeshFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared CA: one root, one intermediate per cluster, each cluster's cacerts built from them. */
class CertificateAuthorityPlanTest {
    private static final String KEY = "tls:index/privateKey:PrivateKey";
    private static Plan plan;

    @BeforeAll
    static void plan() {
        plan = MeshFixture.plan(new StackYaml().remotes(2).yaml());
    }

    private static String pem(String kind, String name) {
        return "-----BEGIN " + kind + "-----\nsimulated " + kind.toLowerCase() + " of " + name + "\n-----END " + kind + "-----\n";
    }

    @Test
    @DisplayName("the root is a self-signed 10-year CA certificate over a 4096-bit RSA key")
    void rootIsSelfSigned() {
        var key = plan.resource(KEY, "mesh-ca-root-key");
        assertEquals("RSA", key.input("algorithm").orElseThrow());
        assertEquals(4096L, key.input("rsaBits").orElseThrow());
        var root = plan.resource("tls:index/selfSignedCert:SelfSignedCert", "mesh-ca-root-cert");
        assertEquals(pem("PRIVATE KEY", "mesh-ca-root-key"), root.input("privateKeyPem").orElseThrow());
        assertTrue(root.isSecret("privateKeyPem"));
        assertEquals(true, root.input("isCaCertificate").orElseThrow());
        assertEquals(3650L * 24, root.input("validityPeriodHours").orElseThrow());
        assertEquals(List.of("cert_signing", "crl_signing", "digital_signature", "key_encipherment"), root.input("allowedUses").orElseThrow());
        assertEquals(Map.of("commonName", "Root CA", "organization", "Istio"), root.input("subject").orElseThrow());
    }

    @Test
    @DisplayName("each cluster's intermediate is signed by the root, is a CA with pathlen 0 and names istiod")
    void intermediatesAreSignedByTheRoot() {
        for (var cluster : List.of("cluster1", "cluster2", "cluster3")) {
            var csr = plan.resource("tls:index/certRequest:CertRequest", "mesh-ca-" + cluster + "-csr");
            assertEquals(pem("PRIVATE KEY", "mesh-ca-" + cluster + "-key"), csr.input("privateKeyPem").orElseThrow());
            assertEquals(List.of("istiod.istio-system.svc"), csr.input("dnsNames").orElseThrow());
            assertEquals(cluster, csr.input("subject.locality").orElseThrow());
            var cert = plan.resource("tls:index/locallySignedCert:LocallySignedCert", "mesh-ca-" + cluster + "-cert");
            assertEquals(pem("CERTIFICATE", "mesh-ca-root-cert"), cert.input("caCertPem").orElseThrow());
            assertEquals(pem("PRIVATE KEY", "mesh-ca-root-key"), cert.input("caPrivateKeyPem").orElseThrow());
            assertEquals(pem("CERTIFICATE REQUEST", "mesh-ca-" + cluster + "-csr"), cert.input("certRequestPem").orElseThrow());
            assertTrue(cert.isSecret("caPrivateKeyPem"), "the root key must stay secret where it is an input");
            assertEquals(true, cert.input("isCaCertificate").orElseThrow());
            assertEquals(0L, cert.input("maxPathLength").orElseThrow());
            assertEquals(730L * 24, cert.input("validityPeriodHours").orElseThrow());
        }
    }

    @Test
    @DisplayName("cacerts holds the intermediate, its key, the root and the chain intermediate-then-root, as a secret")
    void cacertsLayout() {
        for (var cluster : List.of("cluster1", "cluster2", "cluster3")) {
            RecordedResource cacerts = plan.resource(RegisteredNames.SECRET, cluster + "-cacerts");
            assertEquals(cluster, plan.clusterOf(cacerts).orElseThrow());
            assertEquals("cacerts", cacerts.input("metadata.name").orElseThrow());
            assertTrue(cacerts.isSecret("stringData"));
            var intermediate = pem("CERTIFICATE", "mesh-ca-" + cluster + "-cert");
            var root = pem("CERTIFICATE", "mesh-ca-root-cert");
            assertEquals(Map.of(
                    "ca-cert.pem", intermediate,
                    "ca-key.pem", pem("PRIVATE KEY", "mesh-ca-" + cluster + "-key"),
                    "root-cert.pem", root,
                    "cert-chain.pem", intermediate + root), cacerts.input("stringData").orElseThrow());
        }
    }

    @Test
    @DisplayName("the CA's resources run on its own explicit tls provider, and the root key is unprotected by default")
    void explicitProviderAndProtection() {
        var provider = plan.resource(RegisteredNames.TLS_PROVIDER, "mesh-ca-tls");
        for (var r : plan.resources(r -> r.type().startsWith("tls:"))) {
            assertEquals(provider.urn(), r.providerUrn().orElseThrow(), r.name());
        }
        assertFalse(plan.resource(KEY, "mesh-ca-root-key").protect());
    }
}
