package io.istiomc.components;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user's Helm values and typed settings: their rules, their merge and their place under the mesh's values. */
class ReleaseOverridesTest {
    private static ReleaseOverrides values(String chart, Map<String, Object> values) {
        return new ReleaseOverrides(Map.of(chart, values), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static ReleaseSettingsArgs withValues(String valuesJson) {
        return ReleaseSettingsArgs.builder().values(valuesJson).build();
    }

    @Test
    @DisplayName("a cluster's settings go over the mesh's: its values merge over them, each typed setting it gives replaces the mesh's")
    void clusterOverMesh() {
        // given
        var istio = IstioArgs.builder().version("1.30.3").releaseSettings(ReleaseSettingsArgs.builder()
                .values("{\"istiod\": {\"replicaCount\": 2, \"autoscaleMin\": 2}}").hub("mesh.example/istio")
                .imagePullSecrets(List.of("mesh-pull")).build()).build();
        var cluster = ClusterArgs.builder().clusterName("c1").context("c1").network("n1").meshId("mesh1").istio(istio)
                .certificates(new CaBundle(com.pulumi.core.Output.of("ca"), com.pulumi.core.Output.of("key"),
                        com.pulumi.core.Output.of("root"), com.pulumi.core.Output.of("chain")))
                .releaseSettings(ReleaseSettingsArgs.builder().values("{\"istiod\": {\"replicaCount\": 3}}")
                        .imagePullSecrets(List.of("cluster-pull")).build())
                .build();
        // when
        var overrides = cluster.releaseOverrides();
        // then
        assertEquals(Map.of("istiod", Map.of("replicaCount", 3, "autoscaleMin", 2)), overrides.values());
        assertEquals(Optional.of("mesh.example/istio"), overrides.hub());
        assertEquals(Optional.of(List.of("cluster-pull")), overrides.imagePullSecrets());
    }

    @Test
    @DisplayName("the Mesh names a problem of the release settings by its path in the args, under releaseSettings")
    void meshNamesReleaseSettingsByArgsPath() {
        // given a mesh whose istio hub is a URL and whose remote sets its own tag
        var mesh = MeshArgs.builder().meshId("mesh1")
                .istio(IstioArgs.builder().version("1.30.3")
                        .releaseSettings(ReleaseSettingsArgs.builder().hub("https://registry.example").build()).build())
                .cluster(MeshClusterArgs.builder().name("c1").role(ClusterRole.PRIMARY).context("c1").network("n1").build())
                .cluster(MeshClusterArgs.builder().name("c2").role(ClusterRole.REMOTE).context("c2").network("n1")
                        .apiServer("https://c2.example:6443")
                        .releaseSettings(ReleaseSettingsArgs.builder().tag("1.30.3").build()).build())
                .build();
        // when it is checked
        var properties = Mesh.check("mesh", mesh).stream().map(Problem::property).toList();
        // then each problem is named by where the args hold the setting
        assertEquals(List.of("istio.releaseSettings.hub", "clusters[1].releaseSettings.tag"), properties);
    }

    @Test
    @DisplayName("chart defaults < mesh values < cluster values < typed settings < the mesh's own values")
    void mergeOrder() {
        // given
        var mesh = new ReleaseOverrides(Map.of("istiod", Map.of("replicaCount", 2, "pdb", Map.of("minAvailable", 1))),
                Optional.of("mirror.example.com/istio"), Optional.empty(), Optional.of(List.of("mesh-pull")), Optional.of(true));
        var cluster = new ReleaseOverrides(Map.of("istiod", Map.of("replicaCount", 3)),
                Optional.empty(), Optional.of("1.30.3-distroless"), Optional.of(List.of("cluster-pull")), Optional.empty());
        // when
        var merged = cluster.over(mesh);
        var release = merged.releaseValues("istiod", IstioValues.primaryIstiod("mesh1", "c1", "n1", Optional.empty()));
        // then
        assertEquals(Map.of("global", Map.of("hub", "mirror.example.com/istio", "tag", "1.30.3-distroless",
                        "imagePullSecrets", List.of("cluster-pull"), "meshID", "mesh1", "multiCluster", Map.of("clusterName", "c1"),
                        "network", "n1"),
                "replicaCount", 3, "pdb", Map.of("minAvailable", 1),
                "meshConfig", Map.of("defaultConfig", Map.of("proxyMetadata",
                        Map.of("ISTIO_META_DNS_CAPTURE", "true", "ISTIO_META_DNS_AUTO_ALLOCATE", "true")))), release);
    }

    @Test
    @DisplayName("a cluster's null removes a mesh value")
    void nullRemovesTheMeshValue() {
        var nothing = new HashMap<String, Object>();
        nothing.put("replicaCount", null);
        var merged = values("istiod", nothing).over(values("istiod", Map.of("replicaCount", 2, "autoscaleMin", 2)));
        assertEquals(Map.of("autoscaleMin", 2), merged.values().get("istiod"));
    }

    @Test
    @DisplayName("the typed settings map to each chart's own keys")
    void typedSettingsByChart() {
        var typed = new ReleaseOverrides(Map.of(), Optional.of("r.example/istio"), Optional.of("1.30.3"),
                Optional.of(List.of("pull")), Optional.of(true));
        assertEquals(Map.of("global", Map.of("imagePullSecrets", List.of("pull"))), typed.typedValues("base"));
        assertEquals(Map.of("imagePullSecrets", List.of(Map.of("name", "pull"))), typed.typedValues("gateway"));
        assertEquals(Map.of(), new ReleaseOverrides(Map.of(), Optional.of("r.example/istio"), Optional.empty(), Optional.empty(),
                Optional.of(false)).typedValues("gateway"));
        assertEquals(Map.of("global", Map.of("hub", "r.example/istio")), new ReleaseOverrides(Map.of(),
                Optional.of("r.example/istio"), Optional.empty(), Optional.empty(), Optional.of(false)).typedValues("istiod"));
    }

    @Test
    @DisplayName("a value the mesh owns is refused by its path, naming what sets it, and not again as unknown")
    void ownedValuesRefused() {
        assertEquals(List.of(new Problem("istiod.global.meshID", "istiod value 'global.meshID' is set by the mesh from meshId;"
                        + " remove it here")),
                ReleaseOverrides.checkValues(Map.of("istiod", Map.of("global", Map.of("meshID", "other")))));
        assertEquals(List.of(new Problem("gateway.service", "gateway value 'service' is set by the mesh from the mesh itself,"
                        + " which declares the gateway's Service (clusters[].gateway); remove it here")),
                ReleaseOverrides.checkValues(Map.of("gateway", Map.of("service", Map.of("annotations", Map.of("a", "b"))))));
    }

    @Test
    @DisplayName("a map above an owned value may not be replaced by something else; one problem per map")
    void mapsAboveOwnedValues() {
        var values = new HashMap<String, Object>();
        values.put("global", null);
        assertEquals(List.of(new Problem("istiod.global", "must be a map: it would replace istiod value 'global.meshID',"
                + " which the mesh sets from meshId")), ReleaseOverrides.checkValues(Map.of("istiod", values)));
    }

    @Test
    @DisplayName("unknown charts, non-map chart values and unknown keys are refused")
    void unknownChartsAndKeys() {
        assertEquals(List.of(new Problem("istio", "is not a chart the mesh installs; did you mean 'istiod'? (charts: base,"
                + " istiod, gateway)")), ReleaseOverrides.checkValues(Map.of("istio", Map.of())));
        assertEquals(List.of(new Problem("gateway", "must be a map of the gateway chart's Helm values")),
                ReleaseOverrides.checkValues(Map.of("gateway", "replicaCount=2")));
        assertEquals(List.of(new Problem("istiod.pilot.replicaCountt",
                        "istiod 1.30.3 has no value 'pilot.replicaCountt' (did you mean 'replicaCount'?)")),
                ReleaseOverrides.checkValues(Map.of("istiod", Map.of("pilot", Map.of("replicaCountt", 2)))));
    }

    @Test
    @DisplayName("every value the mesh itself sets, in every role, is an owned value of its chart")
    void everyMeshValueIsOwned() {
        var set = new java.util.LinkedHashMap<String, List<Map<String, Object>>>();
        // version alone, and two revisions of which the named one is the default (the unrevisioned one steps aside)
        var unrevisioned = new Revisions.Revision(Revisions.DEFAULT, "1.30.3");
        var named = new Revisions.Revision("canary", "1.30.3");
        var versionAlone = new Revisions(List.of(unrevisioned), unrevisioned);
        var twoRevisions = new Revisions(List.of(unrevisioned, named), named);
        set.put("base", List.of(IstioValues.base(true, Optional.empty(), versionAlone),
                IstioValues.base(false, Optional.of("gw.example.com"), twoRevisions)));
        var primary = IstioValues.primaryIstiod("m", "c", "n", Optional.of("gw.example.com"));
        set.put("istiod", List.of(primary, IstioValues.remoteIstiod("m", "c", "n", "gw.example.com", unrevisioned),
                IstioValues.remoteIstiod("m", "c", "n", "192.0.2.1", named),
                IstioValues.ofRevision(primary, twoRevisions, unrevisioned), IstioValues.ofRevision(primary, twoRevisions, named),
                IstioValues.restartedWhenRootsChange(Map.of(), "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n"
                        + "-----BEGIN CERTIFICATE-----\nB\n-----END CERTIFICATE-----\n")));
        set.put("gateway", List.of(IstioValues.eastWestGateway("n", versionAlone), IstioValues.eastWestGateway("n", twoRevisions)));
        var typed = new ReleaseOverrides(Map.of(), Optional.of("r.example/istio"), Optional.of("t"), Optional.of(List.of("p")),
                Optional.of(true));
        var unowned = new TreeSet<String>();
        set.forEach((chart, valuesList) -> {
            var all = new java.util.ArrayList<>(valuesList);
            all.add(typed.typedValues(chart));
            for (var values : all) {
                HelmValues.forEachLeaf(values, (path, value) -> {
                    if (OwnedValues.OWNED.get(chart).keySet().stream().noneMatch(o -> path.equals(o) || path.startsWith(o + "."))) {
                        unowned.add(chart + ": " + path);
                    }
                });
            }
        });
        assertEquals(new TreeSet<>(), unowned);
    }

    @Test
    @DisplayName("every owned value is refused when a user sets it")
    void everyOwnedValueIsRefused() {
        OwnedValues.OWNED.forEach((chart, owned) -> owned.keySet().forEach(path -> {
            var segments = path.split("\\.");
            Map<String, Object> values = Map.of(segments[segments.length - 1], "set");
            for (int i = segments.length - 2; i >= 0; i--) {
                values = Map.of(segments[i], values);
            }
            var problems = OwnedValues.check(chart, values);
            assertEquals(1, problems.size(), chart + " " + path);
            assertEquals(path, problems.get(0).property());
        }));
    }

    @Test
    @DisplayName("hub, tag and pull secret names are checked")
    void typedRules() {
        assertEquals(List.of(), ReleaseOverrides.checkTyped(Optional.of("registry.example.com:5000/mirror/istio"),
                Optional.of("1.30.3-distroless"), Optional.of(List.of("regcred"))));
        assertEquals(List.of(
                new Problem("hub", "must be an image registry and path without a tag or scheme, e.g."
                        + " 'registry.example.com/istio' (got 'https://registry.example.com')"),
                new Problem("tag", "must be an image tag: letters, digits, '_', '.' and '-', at most 128 characters (got '1.30 3')"),
                new Problem("imagePullSecrets[1]", "must be the name of a Secret in istio-system (a DNS-1123 subdomain; got 'Reg_Cred')")),
                ReleaseOverrides.checkTyped(Optional.of("https://registry.example.com"), Optional.of("1.30 3"),
                        Optional.of(List.of("ok", "Reg_Cred"))));
    }

    @Test
    @DisplayName("a remote may set its own pull secrets but not the image or DNS proxying, which its primary's istiod decides")
    void remoteRules() {
        var remote = ReleaseSettingsArgs.builder().hub("r.example/istio").imagePullSecrets(List.of("p")).dnsProxying(true).build();
        var why = "is decided by the primary whose istiod injects the remote's pods ('west'); set it there or under istio";
        assertEquals(List.of(new Problem("hub", why), new Problem("dnsProxying", why)), remote.checkOnRemote("west"));
    }

    @Test
    @DisplayName("the args' form: values as a JSON object's text, checked (not parsed, not an object, unknown key) without quoting it")
    void argsForm() {
        assertEquals(List.of(new Problem("values.istiod.replicaCountt", "istiod 1.30.3 has no value 'replicaCountt' (did you"
                + " mean 'replicaCount'?)")), withValues("{\"istiod\": {\"replicaCountt\": 2}}").check());
        assertEquals(List.of(new Problem("values", "must be a map of charts (base, istiod, gateway) to their Helm values")),
                withValues("[1]").check());
        var unparsed = withValues("{\"istiod\": {\"password\": s3cr3t}}").check();
        assertEquals(List.of(new Problem("values", "must be a JSON object of charts to Helm values (it does not parse at line 1,"
                + " column 25)")), unparsed);
        var overrides = ReleaseSettingsArgs.builder().values(ReleaseOverrides.valuesJson(Map.of("istiod", Map.of("replicaCount", 2))))
                .hub("h.example/i").imagePullSecrets(List.of("p")).dnsProxying(true).build().overrides();
        assertEquals(Map.of("istiod", Map.of("replicaCount", 2)), overrides.values());
        assertEquals(Optional.of("h.example/i"), overrides.hub());
        assertEquals(Optional.of(true), overrides.dnsProxying());
    }
}
