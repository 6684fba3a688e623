package io.istiomc.components;

import com.pulumi.test.PulumiTest;
import io.istiomc.components.simulation.SimulatedClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The shared CA on its own: its pure rules, and what it registers under the library's mocks. */
class MeshCertificateAuthorityTest {
    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    @DisplayName("the chain puts a newline between certificates whether or not the PEMs end in one")
    void chainJoinsPems() {
        assertEquals("A\nB\n", MeshCertificateAuthority.certificateChain("A", "B\n"));
        assertEquals("A\nB\n", MeshCertificateAuthority.certificateChain("A\n", "B"));
    }

    @Test
    @DisplayName("the args reject what would make a broken CA, naming the property")
    void argsValidation() {
        var e = assertThrows(IllegalArgumentException.class, () -> MeshCertificateAuthorityArgs.builder()
                .clusterNames(List.of("a")).settings(CaSettingsArgs.builder().rootValidityDays(10).intermediateValidityDays(20).build()).build());
        assertEquals("MeshCertificateAuthorityArgs: 'intermediateValidityDays' must not exceed rootValidityDays (20 > 10):"
                + " an intermediate cannot outlive its root", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MeshCertificateAuthorityArgs.builder()
                .clusterNames(List.of("a")).settings(CaSettingsArgs.builder().rsaBits(1024).build()).build());
        assertEquals("MeshCertificateAuthorityArgs: 'rsaBits' must be 2048, 3072 or 4096 (got 1024)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MeshCertificateAuthorityArgs.builder()
                .clusterNames(List.of("West_1")).build());
        assertEquals("MeshCertificateAuthorityArgs: 'clusterNames' must be a DNS-1123 label (got 'West_1'); use at most 63"
                + " lowercase letters, digits and '-', starting and ending with a letter or digit", e.getMessage());
    }

    @Test
    @DisplayName("one root and one intermediate per cluster, every tls resource on the CA's own explicit provider")
    void rootAndIntermediatesOnExplicitProvider() {
        var mocks = new SimulatedClusters(List.of());
        PulumiTest.withMocks(mocks).runTest(ctx -> new MeshCertificateAuthority("ca", MeshCertificateAuthorityArgs.builder()
                .clusterNames(List.of("east", "west")).build(), null)).throwOnError();
        assertEquals(1, mocks.registrations(r -> r.type().equals(RegisteredNames.SELF_SIGNED_CERT)).size());
        assertEquals(List.of("ca-east-cert", "ca-west-cert"), mocks.registrations(
                r -> r.type().equals(RegisteredNames.LOCALLY_SIGNED_CERT)).stream()
                .map(SimulatedClusters.Registration::name).sorted().toList());
        for (var tls : mocks.registrations(r -> r.type().startsWith("tls:"))) {
            assertEquals("ca-tls", SimulatedClusters.providerName(tls.provider()), tls.name());
        }
    }

    @Test
    @DisplayName("during a root rotation every root is issued under its own name, root-cert.pem holds all in order, and the signing root signs every intermediate")
    void severalRoots() {
        var mocks = new SimulatedClusters(List.of());
        var outputs = new java.util.concurrent.atomic.AtomicReference<MeshCertificateAuthority>();
        var result = PulumiTest.withMocks(mocks).runTest(ctx -> outputs.set(new MeshCertificateAuthority("ca",
                MeshCertificateAuthorityArgs.builder().clusterNames(List.of("east", "west"))
                        .settings(CaSettingsArgs.builder().roots(List.of("root", "r2027")).signingRoot("r2027").build())
                        .build(), null)));
        result.throwOnError();
        // registered concurrently, so in no set order: the names, sorted; the bundle below keeps the roots' order
        assertEquals(List.of("ca-root-cert", "ca-root-r2027-cert"), mocks.registrations(
                r -> r.type().equals(RegisteredNames.SELF_SIGNED_CERT)).stream().map(SimulatedClusters.Registration::name)
                .sorted().toList());
        var bundle = PulumiTest.extractValue(outputs.get().rootCertPem());
        assertEquals(pem("ca-root-cert") + pem("ca-root-r2027-cert"), bundle);
        for (var cluster : List.of("east", "west")) {
            var cert = mocks.registrations(r -> r.name().equals("ca-" + cluster + "-cert")).get(0);
            assertEquals(pem("ca-root-r2027-cert"), cert.inputs().get("caCertPem"));
            var material = outputs.get().bundle(cluster);
            assertEquals(bundle, PulumiTest.extractValue(material.rootCertPem()));
            assertEquals(pem("ca-" + cluster + "-cert") + pem("ca-root-r2027-cert"), PulumiTest.extractValue(material.certChainPem()));
        }
        assertEquals(List.of("root", "root:r2027", "east", "west"),
                List.copyOf(PulumiTest.extractValue(outputs.get().certificateExpiries()).keySet()));
    }

    private static String pem(String name) {
        return "-----BEGIN CERTIFICATE-----\nsimulated certificate of " + name + "\n-----END CERTIFICATE-----\n";
    }
}
