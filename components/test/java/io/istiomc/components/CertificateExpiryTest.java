package io.istiomc.components;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CertificateExpiryTest {
    private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

    @Test
    @DisplayName("a certificate that has expired or ends within 30 days is warned about; one that ends later is not")
    void warnings() {
        var ends = new LinkedHashMap<String, Instant>();
        ends.put(CertificateExpiry.ROOT, NOW.plus(Duration.ofDays(3650)));
        ends.put("cluster1", NOW.plus(Duration.ofDays(31)));
        ends.put("cluster2", NOW.plus(Duration.ofDays(30)));
        ends.put("cluster3", NOW.plus(Duration.ofHours(5)));
        ends.put("cluster4", NOW);
        assertEquals(List.of(
                "the intermediate certificate of cluster 'cluster2' expires in 30 days (within 30 days): renew it (an"
                        + " 'intermediateRenewalDays' window) or raise 'intermediateValidityDays'",
                "the intermediate certificate of cluster 'cluster3' expires in 5 hours (within 30 days): renew it (an"
                        + " 'intermediateRenewalDays' window) or raise 'intermediateValidityDays'",
                "the intermediate certificate of cluster 'cluster4' has expired: workloads of that cluster can no longer get"
                        + " certificates that others trust"), CertificateExpiry.warnings(ends, NOW));
        var root = new LinkedHashMap<String, Instant>();
        root.put(CertificateExpiry.ROOT, NOW.plus(Duration.ofDays(1)));
        assertEquals(List.of("the mesh's root certificate expires in 1 day (within 30 days): plan a root rotation"),
                CertificateExpiry.warnings(root, NOW));
    }

    @Test
    @DisplayName("a root other than the first is warned about by its name; a cluster whose name starts with 'root-' is still an intermediate")
    void otherRoots() {
        var ends = new LinkedHashMap<String, Instant>();
        ends.put(CertificateExpiry.rootKey("r2027"), NOW.plus(Duration.ofDays(2)));
        ends.put("root-east", NOW);
        assertEquals("root:r2027", CertificateExpiry.rootKey("r2027"));
        assertEquals(CertificateExpiry.ROOT, CertificateExpiry.rootKey(MeshCertificateAuthority.FIRST_ROOT));
        assertEquals(List.of("the mesh's root certificate 'r2027' expires in 2 days (within 30 days): plan a root rotation",
                "the intermediate certificate of cluster 'root-east' has expired: workloads of that cluster can no longer get"
                        + " certificates that others trust"), CertificateExpiry.warnings(ends, NOW));
    }

    @Test
    @DisplayName("a renewal window must be shorter than an intermediate's validity")
    void renewalWindow() {
        assertEquals(List.of(), MeshCertificateAuthorityArgs.checkRenewal(730, 0));
        assertEquals(List.of(), MeshCertificateAuthorityArgs.checkRenewal(730, 729));
        assertEquals(List.of(new Problem("intermediateRenewalDays", "must be from 0 to intermediateValidityDays - 1 (got 730"
                + " with intermediateValidityDays 730): an update within that many days of an intermediate's end renews it")),
                MeshCertificateAuthorityArgs.checkRenewal(730, 730));
        assertEquals(1, MeshCertificateAuthorityArgs.checkRenewal(730, -1).size());
    }
}
