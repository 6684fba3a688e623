package io.istiomc.program;

import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.RawConfig;
import io.istiomc.testing.MeshFixture;
import io.istiomc.testing.StackYaml;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Certificate expiry as stack outputs, the plan's warnings about certificates close to their end, and the renewal window. */
class CertificateLifetimeTest {
    private static final String INTERMEDIATE = com.pulumi.tls.LocallySignedCert.TYPE;

    @Test
    @DisplayName("certificateExpiries holds the root and every cluster's intermediate; the plan says how long after issue each ends")
    void expiriesAreStackOutputs() {
        var plan = MeshFixture.plan(new StackYaml().remotes(1).yaml());
        assertEquals(Map.of("root", "(simulated) 3650 days after issue", "cluster1", "(simulated) 730 days after issue",
                "cluster2", "(simulated) 730 days after issue"), plan.outputs().get("certificateExpiries"));
        assertTrue(plan.warnings().stream().noneMatch(w -> w.contains("certificate")), plan.warnings().toString());
    }

    @Test
    @DisplayName("the offline plan warns about every certificate a deployment would issue to end within 30 days")
    void shortLivedCertificatesAreWarnedAbout() {
        var plan = MeshFixture.plan(new StackYaml().remotes(1).set("ca.intermediateValidityDays", 20).set("ca.rootValidityDays", 3650).yaml());
        assertEquals(List.of("cluster1", "cluster2").stream().map(cluster -> "istio-multicluster:ca: the intermediate"
                + " certificate of cluster '" + cluster + "' expires in 20 days (within 30 days): renew it (an"
                + " 'intermediateRenewalDays' window) or raise 'intermediateValidityDays'; this plan judges the certificates"
                + " a deployment issues now").toList(),
                plan.warnings().stream().filter(w -> w.contains("certificate")).toList());
    }

    @Test
    @DisplayName("ca.intermediateRenewalDays sets every intermediate's earlyRenewalHours; without it the inputs are unchanged")
    void renewalWindow() throws Exception {
        var renewing = MeshFixture.plan(new StackYaml().remotes(1).set("ca.intermediateRenewalDays", 30).yaml());
        var intermediates = renewing.resources(r -> r.type().equals(INTERMEDIATE));
        assertEquals(2, intermediates.size());
        intermediates.forEach(cert -> assertEquals(Optional.of(720), cert.input("earlyRenewalHours").map(h -> ((Number) h).intValue()),
                cert.name()));
        var plain = MeshFixture.plan(new StackYaml().remotes(1).yaml());
        plain.resources(r -> r.type().equals(INTERMEDIATE)).forEach(cert ->
                assertEquals(Optional.empty(), cert.input("earlyRenewalHours"), cert.name()));
        var e = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.read(RawConfig.fromStackYaml(
                new StackYaml().remotes(1).set("ca.intermediateRenewalDays", 730).yaml())));
        assertEquals(List.of("istio-multicluster:ca.intermediateRenewalDays: must be from 0 to intermediateValidityDays - 1"
                + " (got 730 with intermediateValidityDays 730): an update within that many days of an intermediate's end"
                + " renews it"), e.problems().stream().map(p -> p.key() + ": " + p.message()).toList());
    }
}
