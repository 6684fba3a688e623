package io.istiomc.safety;

import io.istiomc.plan.Plan;
import io.istiomc.plan.PlanJson;
import io.istiomc.plan.RecordedResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.istiomc.safety.SafetyFixture.CONFIG_MAP_PATCH;
import static io.istiomc.safety.SafetyFixture.LOCALLY_SIGNED_CERT;
import static io.istiomc.safety.SafetyFixture.PRIVATE_KEY;
import static io.istiomc.safety.SafetyFixture.RELEASE;
import static io.istiomc.safety.SafetyFixture.SELF_SIGNED_CERT;
import static io.istiomc.safety.SafetyFixture.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Determinism and change safety: the same stack always gives the same plan, and the
 * common changes (adding a remote, bumping Istio) touch only what they must, so {@code pulumi up}
 * replaces nothing, least of all the root CA.
 */
class ChangeSafetyTest {
    private static final String MESH_NETWORKS_PATCH = "mesh-link-cluster1-mesh-networks";

    /** 1 primary + 2 remotes with samples: the base every comparison starts from. */
    private static Plan onePlusTwo;
    /** The same with a third remote, made when first needed. */
    private static Plan onePlusThree;

    @BeforeAll
    static void planTheBaseStack() {
        onePlusTwo = SafetyFixture.plan(stack().remotes(2).samples("sample").yaml());
    }

    @Test
    @DisplayName("two runs of the same stack give byte-identical plans")
    void sameStackSamePlan() {
        // GIVEN the same stack planned again
        var again = SafetyFixture.plan(stack().remotes(2).samples("sample").yaml());
        // WHEN both are written as JSON
        var first = PlanJson.write(onePlusTwo);
        var second = PlanJson.write(again);
        // THEN they are the same bytes, and carry no date of today (no timestamps)
        assertEquals(first, second);
        assertFalse(first.contains(LocalDate.now().toString()), "the plan carries today's date");
    }

    @Test
    @DisplayName("adding a remote keeps every existing resource with identical inputs, except the meshNetworks patch")
    void addingARemoteOnlyAddsResources() {
        // GIVEN the same stack with a third remote
        var onePlusThree = onePlusThree();
        var after = byUrn(onePlusThree);
        // THEN every resource of the first plan is still there, with the same inputs, options and provider
        var changed = new ArrayList<String>();
        for (var before : onePlusTwo.resources()) {
            var now = after.get(before.urn());
            if (now == null) {
                changed.add("removed: " + before.urn());
            } else if (!sameRegistration(before, now)) {
                changed.add(before.name() + " " + diff(before.inputs(), now.inputs()));
            }
        }
        assertEquals(1, changed.size(), String.join("\n", changed));
        assertTrue(changed.get(0).startsWith(MESH_NETWORKS_PATCH + " "), changed.get(0));
        // AND the patch's only change is its meshNetworks document
        var patchBefore = onePlusTwo.resource(CONFIG_MAP_PATCH, MESH_NETWORKS_PATCH);
        var patchAfter = onePlusThree.resource(CONFIG_MAP_PATCH, MESH_NETWORKS_PATCH);
        assertEquals(List.of("data.meshNetworks"), diff(patchBefore.inputs(), patchAfter.inputs()));
        // AND everything new is the new cluster's, or names it
        var added = onePlusThree.resources(r -> onePlusTwo.byUrn(r.urn()).isEmpty());
        assertFalse(added.isEmpty());
        for (var resource : added) {
            assertTrue(resource.name().contains("cluster4"), "added, but not for cluster4: " + resource.urn());
        }
    }

    @Test
    @DisplayName("adding a remote leaves the root CA, the other clusters' intermediates and all releases untouched")
    void addingARemoteKeepsTheCaAndReleases() {
        // GIVEN the same stack with a third remote
        var onePlusThree = onePlusThree();
        // THEN the root key and certificate, each intermediate and each release registers identically
        var kept = new ArrayList<RecordedResource>();
        kept.add(onePlusTwo.resource(PRIVATE_KEY, "mesh-ca-root-key"));
        kept.add(onePlusTwo.resource(SELF_SIGNED_CERT, "mesh-ca-root-cert"));
        for (var cluster : List.of("cluster1", "cluster2", "cluster3")) {
            kept.add(onePlusTwo.resource(PRIVATE_KEY, "mesh-ca-" + cluster + "-key"));
            kept.add(onePlusTwo.resource(LOCALLY_SIGNED_CERT, "mesh-ca-" + cluster + "-cert"));
        }
        kept.addAll(onePlusTwo.resources(r -> r.type().equals(RELEASE)));
        assertEquals(2 + 6 + 9, kept.size());
        for (var before : kept) {
            var now = onePlusThree.byUrn(before.urn()).orElseThrow(() -> new AssertionError("gone: " + before.urn()));
            assertTrue(sameRegistration(before, now), before.name() + " changed: " + diff(before.inputs(), now.inputs()));
        }
    }

    @Test
    @DisplayName("bumping istio.version (1.30.3 -> 1.30.4) changes only the releases' version input")
    void bumpingIstioChangesOnlyReleaseVersions() {
        // GIVEN the same stack on the next patch release
        var bumped = SafetyFixture.plan(stack().remotes(2).samples("sample").istioVersion("1.30.4").yaml());
        // THEN the same resources are registered ...
        assertEquals(urns(onePlusTwo), urns(bumped));
        var after = byUrn(bumped);
        var changed = new TreeMap<String, List<String>>();
        for (var before : onePlusTwo.resources()) {
            var now = after.get(before.urn());
            if (!sameRegistration(before, now)) {
                changed.put(before.type() + "::" + before.name(), diff(before.inputs(), now.inputs()));
            }
        }
        // ... and the only differences are the version of every release
        var releases = onePlusTwo.resources(r -> r.type().equals(RELEASE));
        assertEquals(9, releases.size());
        var expected = new TreeMap<String, List<String>>();
        releases.forEach(r -> expected.put(r.type() + "::" + r.name(), List.of("version")));
        assertEquals(expected, changed);
        releases.forEach(r -> assertEquals("1.30.4", after.get(r.urn()).input("version").orElseThrow()));
    }

    static Stream<Arguments> protection() {
        return Stream.of(
                Arguments.of("by default", null, false),
                Arguments.of("with protectRootKey: false", false, false),
                Arguments.of("with protectRootKey: true", true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protection")
    @DisplayName("the root CA key is protected exactly when ca.protectRootKey asks for it, and nothing else is")
    void rootKeyProtection(String label, Boolean protectRootKey, boolean expected) {
        // GIVEN a stack with or without ca.protectRootKey
        var builder = stack().remotes(1);
        if (protectRootKey != null) {
            builder.set("ca.protectRootKey", protectRootKey);
        }
        // WHEN it is planned
        var plan = SafetyFixture.plan(builder.yaml());
        // THEN the root key's protect flag follows the setting, and no other resource is protected
        assertEquals(expected, plan.resource(PRIVATE_KEY, "mesh-ca-root-key").protect());
        var others = plan.resources(r -> r.protect() && !r.name().equals("mesh-ca-root-key"));
        assertEquals(List.of(), others.stream().map(RecordedResource::urn).toList());
    }

    @Test
    @DisplayName("different stacks do give different plans (the comparisons above can see a change)")
    void comparisonsCanSeeAChange() {
        // GIVEN a stack that differs in one input
        var other = SafetyFixture.plan(stack().remotes(2).samples("sample").istioVersion("1.30.4").yaml());
        // THEN its JSON differs
        assertNotEquals(PlanJson.write(onePlusTwo), PlanJson.write(other));
    }

    private static Plan onePlusThree() {
        if (onePlusThree == null) {
            onePlusThree = SafetyFixture.plan(stack().remotes(3).samples("sample").yaml());
        }
        return onePlusThree;
    }

    private static boolean sameRegistration(RecordedResource a, RecordedResource b) {
        return a.type().equals(b.type()) && a.name().equals(b.name()) && a.custom() == b.custom()
                && a.parentUrn().equals(b.parentUrn()) && Objects.equals(a.providerUrn(), b.providerUrn())
                && a.protect() == b.protect() && a.inputs().equals(b.inputs());
    }

    private static Map<String, RecordedResource> byUrn(Plan plan) {
        var result = new LinkedHashMap<String, RecordedResource>();
        plan.resources().forEach(r -> result.put(r.urn(), r));
        return result;
    }

    private static TreeSet<String> urns(Plan plan) {
        var result = new TreeSet<String>();
        plan.resources().forEach(r -> result.add(r.urn()));
        return result;
    }

    /** The dotted paths at which two input trees differ (secrets compared by their values). */
    static List<String> diff(Object a, Object b) {
        var result = new ArrayList<String>();
        diff(a, b, "", result);
        return result;
    }

    private static void diff(Object a, Object b, String path, List<String> out) {
        if (a instanceof io.istiomc.plan.Secret sa && b instanceof io.istiomc.plan.Secret sb) {
            diff(sa.value(), sb.value(), path, out);
        } else if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            var keys = new TreeSet<String>();
            ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
            mb.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (var key : keys) {
                diff(ma.get(key), mb.get(key), path.isEmpty() ? key : path + "." + key, out);
            }
        } else if (!Objects.equals(a, b)) {
            out.add(path);
        }
    }
}
