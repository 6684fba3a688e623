package io.istiomc.program;

import io.istiomc.components.RegisteredNames;
import io.istiomc.components.IstioValues;
import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.RawConfig;
import io.istiomc.plan.Plan;
import io.istiomc.plan.RecordedResource;
import io.istiomc.testing.MeshFixture;
import io.istiomc.testing.StackFile;
import io.istiomc.testing.StackYaml;
import io.istiomc.testing.Topologies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A root rotation as three config steps on the mixed stack (two primaries, each with two remotes):
 * (1) {@code ca.roots: [root, r2027]}, still signed by {@code root}: every cluster trusts both;
 * (2) {@code ca.signingRoot: r2027}: the intermediates are re-issued from the new root, the bundle
 * unchanged; (3) {@code ca.roots: [r2027]}: the old root leaves. Each step changes only what it must,
 * every {@code cacerts} is the same Secret updated in place, and a stack that lists only its first
 * root plans exactly as before.
 */
class RootRotationTest {
    private static final String SECRET = RegisteredNames.SECRET;
    private static final String RELEASE = RegisteredNames.RELEASE;
    private static final String SELF_SIGNED = "tls:index/selfSignedCert:SelfSignedCert";
    private static final String LOCALLY_SIGNED = "tls:index/locallySignedCert:LocallySignedCert";
    private static final String KEY = "tls:index/privateKey:PrivateKey";
    private static final List<String> CLUSTERS = List.of("east", "east-a", "east-b", "west", "west-a", "west-b");
    private static final List<String> PRIMARIES = List.of("east", "west");

    private static Plan before;
    private static Plan bothTrusted;
    private static Plan newSigns;
    private static Plan oldGone;

    @BeforeAll
    static void plans() {
        before = MeshFixture.plan(mixed().yaml());
        bothTrusted = MeshFixture.plan(mixed().set("ca.roots", List.of("root", "r2027")).set("ca.signingRoot", "root").yaml());
        newSigns = MeshFixture.plan(mixed().set("ca.roots", List.of("root", "r2027")).set("ca.signingRoot", "r2027").yaml());
        oldGone = MeshFixture.plan(mixed().set("ca.roots", List.of("r2027")).yaml());
    }

    @Test
    @DisplayName("a stack that lists only its first root, signing with it, plans every resource and input as one without the keys")
    void firstRootOnlyChangesNothing() {
        var listed = MeshFixture.plan(mixed().set("ca.roots", List.of("root")).set("ca.signingRoot", "root").yaml());
        assertEquals(byUrn(before), byUrn(listed));
        assertTrue(before.resources(r -> r.type().equals(RELEASE) && r.name().endsWith("-istiod")).stream()
                .noneMatch(r -> r.input("values.podAnnotations").isPresent()), "istiod renders as before");
    }

    @Test
    @DisplayName("step 1: the new root is issued; every cluster's root-cert.pem holds both roots, its intermediate and chain still the old root's")
    void stepOneTrustsBoth() {
        assertEquals(Set.of(), removed(before, bothTrusted));
        assertEquals(Set.of(KEY + " mesh-ca-root-r2027-key", SELF_SIGNED + " mesh-ca-root-r2027-cert"), added(before, bothTrusted));
        for (var cluster : CLUSTERS) {
            var cacerts = cacerts(bothTrusted, cluster);
            assertEquals(cert("mesh-ca-root-cert") + cert("mesh-ca-root-r2027-cert"), cacerts.get("root-cert.pem"), cluster);
            assertEquals(cacerts(before, cluster).get("ca-cert.pem"), cacerts.get("ca-cert.pem"), cluster);
            assertEquals(cacerts(before, cluster).get("cert-chain.pem"), cacerts.get("cert-chain.pem"), cluster);
            assertEquals(cert("mesh-ca-root-cert"), intermediate(bothTrusted, cluster).input("caCertPem").orElseThrow(), cluster);
        }
        // AND what changes in place: every cacerts, and each primary's istiod, restarted to read both roots
        assertEquals(expected(cacertsUrns(bothTrusted), istiodUrns(bothTrusted)), changed(before, bothTrusted));
        for (var primary : PRIMARIES) {
            var annotations = istiod(bothTrusted, primary).input("values.podAnnotations").orElseThrow();
            assertEquals(Set.of(IstioValues.TRUSTED_ROOTS_ANNOTATION), ((Map<?, ?>) annotations).keySet(), primary);
        }
        // AND the new root key is a secret input wherever it is one, and protected as the first root's is
        assertTrue(bothTrusted.resource(SELF_SIGNED, "mesh-ca-root-r2027-cert").isSecret("privateKeyPem"));
    }

    @Test
    @DisplayName("step 2: each intermediate is re-issued from the new root; root-cert.pem is byte for byte the same, so istiod is not restarted")
    void stepTwoSwitchesTheSigningRoot() {
        assertEquals(Set.of(), added(bothTrusted, newSigns));
        assertEquals(Set.of(), removed(bothTrusted, newSigns));
        for (var cluster : CLUSTERS) {
            var cacerts = cacerts(newSigns, cluster);
            assertEquals(cacerts(bothTrusted, cluster).get("root-cert.pem"), cacerts.get("root-cert.pem"), cluster);
            assertEquals(cert("mesh-ca-" + cluster + "-cert") + cert("mesh-ca-root-r2027-cert"), cacerts.get("cert-chain.pem"), cluster);
            var signed = intermediate(newSigns, cluster);
            assertEquals(cert("mesh-ca-root-r2027-cert"), signed.input("caCertPem").orElseThrow(), cluster);
            assertEquals(key("mesh-ca-root-r2027-key"), signed.input("caPrivateKeyPem").orElseThrow(), cluster);
            assertTrue(signed.isSecret("caPrivateKeyPem"), cluster);
            // the intermediate's own key and request stay: only the certificate is issued anew
            assertEquals(intermediate(bothTrusted, cluster).input("certRequestPem"), signed.input("certRequestPem"), cluster);
        }
        var intermediates = new TreeSet<String>();
        CLUSTERS.forEach(c -> intermediates.add(intermediate(newSigns, c).urn()));
        assertEquals(expected(intermediates, cacertsUrns(newSigns)), changed(bothTrusted, newSigns));
    }

    @Test
    @DisplayName("step 3: the old root leaves; root-cert.pem holds the new root only, and each primary's istiod is restarted to drop the old one")
    void stepThreeDropsTheOldRoot() {
        assertEquals(Set.of(KEY + " mesh-ca-root-key", SELF_SIGNED + " mesh-ca-root-cert"), removed(newSigns, oldGone));
        assertEquals(Set.of(), added(newSigns, oldGone));
        for (var cluster : CLUSTERS) {
            var cacerts = cacerts(oldGone, cluster);
            assertEquals(cert("mesh-ca-root-r2027-cert"), cacerts.get("root-cert.pem"), cluster);
            assertEquals(cacerts(newSigns, cluster).get("cert-chain.pem"), cacerts.get("cert-chain.pem"), cluster);
            assertEquals(cacerts(newSigns, cluster).get("ca-cert.pem"), cacerts.get("ca-cert.pem"), cluster);
        }
        assertEquals(expected(cacertsUrns(oldGone), istiodUrns(oldGone)), changed(newSigns, oldGone));
        for (var primary : PRIMARIES) {
            assertEquals(Optional.empty(), istiod(oldGone, primary).input("values.podAnnotations"), primary);
        }
        assertEquals(Map.of("root:r2027", "(simulated) 3650 days after issue"),
                Map.of("root:r2027", ((Map<?, ?>) oldGone.outputs().get("certificateExpiries")).get("root:r2027")));
        assertFalse(((Map<?, ?>) oldGone.outputs().get("certificateExpiries")).containsKey("root"));
    }

    @Test
    @DisplayName("in every step each cacerts is the same Secret (URN, name, type, not immutable) whose stringData alone changes: an update in place")
    void cacertsIsUpdatedInPlace() {
        var steps = List.of(before, bothTrusted, newSigns, oldGone);
        for (int i = 1; i < steps.size(); i++) {
            for (var cluster : CLUSTERS) {
                var old = steps.get(i - 1).resource(SECRET, cluster + "-cacerts");
                var now = steps.get(i).resource(SECRET, cluster + "-cacerts");
                assertEquals(old.urn(), now.urn());
                assertEquals(Optional.of("cacerts"), now.input("metadata.name"));
                assertEquals(Optional.of("Opaque"), now.input("type"));
                assertEquals(Optional.empty(), now.input("immutable"));
                assertTrue(now.isSecret("stringData"), cluster);
                var oldInputs = new java.util.HashMap<>(old.inputs());
                var newInputs = new java.util.HashMap<>(now.inputs());
                oldInputs.remove("stringData");
                newInputs.remove("stringData");
                assertEquals(oldInputs, newInputs, cluster);
                // AND its cluster's provider, whose enableSecretMutable makes this an update, is not touched
                var provider = now.providerUrn().orElseThrow();
                assertEquals(steps.get(i - 1).resources(r -> r.urn().equals(provider)).get(0).inputs(),
                        steps.get(i).resources(r -> r.urn().equals(provider)).get(0).inputs());
            }
        }
    }

    @Test
    @DisplayName("every root key is protected when protectRootKey is set, the new one as the first")
    void everyRootKeyIsProtected() {
        var plan = MeshFixture.plan(mixed().set("ca.roots", List.of("root", "r2027")).set("ca.signingRoot", "root")
                .set("ca.protectRootKey", true).yaml());
        assertTrue(plan.resource(KEY, "mesh-ca-root-key").protect());
        assertTrue(plan.resource(KEY, "mesh-ca-root-r2027-key").protect());
        assertFalse(bothTrusted.resource(KEY, "mesh-ca-root-r2027-key").protect());
    }

    @Test
    @DisplayName("a missing or unlisted signing root, a repeated root, a bad root name and a cluster named after a root are refused by key")
    void refusals() {
        assertEquals(List.of("istio-multicluster:ca.signingRoot: is required when more than one root is listed (got roots"
                + " [root, r2027]): name the root that signs the intermediates, the old one until every workload trusts both"),
                problems(mixed().set("ca.roots", List.of("root", "r2027"))));
        assertEquals(List.of("istio-multicluster:ca.signingRoot: 'root' is not one of roots [r2027]: every cluster must trust"
                + " the root that signs the intermediates; keep a root in 'roots' until the intermediates are signed by another"),
                problems(mixed().set("ca.roots", List.of("r2027")).set("ca.signingRoot", "root")));
        assertEquals(List.of("istio-multicluster:ca.roots: must not repeat a name (got [root, root])"),
                problems(mixed().set("ca.roots", List.of("root", "root")).set("ca.signingRoot", "root")));
        assertEquals(List.of("istio-multicluster:ca.roots: must list at least one root (the CA's first root is 'root')"),
                problems(mixed().set("ca.roots", List.of())));
        assertEquals(List.of("istio-multicluster:ca.roots[1]: must be a string (got the number 7)"),
                problems(mixed().set("ca.roots", List.of("root", 7))));
        assertEquals(List.of("istio-multicluster:ca.roots: must be a DNS-1123 label (got 'R2027'); use at most 63 lowercase"
                + " letters, digits and '-', starting and ending with a letter or digit"),
                problems(mixed().set("ca.roots", List.of("root", "R2027")).set("ca.signingRoot", "root")));
        assertEquals(List.of("istio-multicluster:clusters[1].name: 'root-r2027' is taken by the root 'r2027': its key is named"
                + " '<ca>-root-r2027-key', and the intermediate key of a cluster named 'root-r2027' would take the same name;"
                + " choose another cluster name or root name"),
                problems(new StackYaml().remotes(1).set("clusters[1].name", "root-r2027")
                        .set("ca.roots", List.of("root", "r2027")).set("ca.signingRoot", "root")));
    }

    private static StackYaml mixed() {
        return StackFile.read(Topologies.stackFile(Topologies.MIXED)).edit();
    }

    private static List<String> problems(StackYaml stack) {
        var e = assertThrows(InvalidConfigException.class, () -> MeshConfigReader.read(RawConfig.fromStackYaml(stack.yaml())));
        return e.problems().stream().map(p -> p.key() + ": " + p.message()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> cacerts(Plan plan, String cluster) {
        return (Map<String, String>) plan.resource(SECRET, cluster + "-cacerts").input("stringData").orElseThrow();
    }

    private static RecordedResource intermediate(Plan plan, String cluster) {
        return plan.resource(LOCALLY_SIGNED, "mesh-ca-" + cluster + "-cert");
    }

    private static RecordedResource istiod(Plan plan, String primary) {
        return plan.resource(RELEASE, primary + "-istiod");
    }

    private static Set<String> cacertsUrns(Plan plan) {
        return CLUSTERS.stream().map(c -> plan.resource(SECRET, c + "-cacerts").urn()).collect(Collectors.toSet());
    }

    private static Set<String> istiodUrns(Plan plan) {
        return PRIMARIES.stream().map(p -> istiod(plan, p).urn()).collect(Collectors.toSet());
    }

    @SafeVarargs
    private static Set<String> expected(Set<String>... sets) {
        var all = new TreeSet<String>();
        for (var set : sets) {
            all.addAll(set);
        }
        return all;
    }

    private static String cert(String name) {
        return "-----BEGIN CERTIFICATE-----\nsimulated certificate of " + name + "\n-----END CERTIFICATE-----\n";
    }

    private static String key(String name) {
        return "-----BEGIN PRIVATE KEY-----\nsimulated private key of " + name + "\n-----END PRIVATE KEY-----\n";
    }

    private static Map<String, Map<String, Object>> byUrn(Plan plan) {
        return plan.resources(r -> true).stream().collect(Collectors.toMap(RecordedResource::urn, RecordedResource::inputs));
    }

    private static Set<String> typeAndName(Plan plan, Set<String> urns) {
        return plan.resources(r -> urns.contains(r.urn())).stream().map(r -> r.type() + " " + r.name()).collect(Collectors.toSet());
    }

    private static Set<String> added(Plan old, Plan now) {
        var urns = new TreeSet<>(byUrn(now).keySet());
        urns.removeAll(byUrn(old).keySet());
        return typeAndName(now, urns);
    }

    private static Set<String> removed(Plan old, Plan now) {
        var urns = new TreeSet<>(byUrn(old).keySet());
        urns.removeAll(byUrn(now).keySet());
        return typeAndName(old, urns);
    }

    /** The URNs in both plans whose inputs differ. */
    private static Set<String> changed(Plan old, Plan now) {
        var oldInputs = byUrn(old);
        var newInputs = byUrn(now);
        return newInputs.keySet().stream().filter(oldInputs::containsKey)
                .filter(urn -> !newInputs.get(urn).equals(oldInputs.get(urn)))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
