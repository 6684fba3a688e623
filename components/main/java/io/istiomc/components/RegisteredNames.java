package io.istiomc.components;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every resource name the components may register for a mesh, and the check that no two of them
 * share a URN. Pulumi's URN is the stack, the chain of parent types, the resource's type and its name:
 * two resources of one type under components of one type collide when their names are equal, which
 * cluster names can make happen (clusters {@code x}, {@code x-istio-remote-secret-y} and
 * {@code y-istio-remote-secret-x}, both {@code x}s primaries, give {@code MeshLink} the Secret
 * {@code mesh-link-x-istio-remote-secret-y-istio-remote-secret-x} twice), and {@code pulumi up} then
 * fails halfway through.
 *
 * <p>The list is the union over every topology (a name is listed whether or not this mesh's roles and
 * networks register it), so a refusal may name a resource this mesh would not create; it holds the
 * components' names, built as they build them (and with {@link Names} where they use it).
 * {@code RegisteredNamesTest} checks that every resource a plan registers is listed, for every stack.
 */
public final class RegisteredNames {
    /** Type tokens of the resources listed (as their URNs spell them). */
    public static final String STACK = "pulumi:pulumi:Stack";
    public static final String K8S_PROVIDER = "pulumi:providers:kubernetes";
    public static final String TLS_PROVIDER = "pulumi:providers:tls";
    public static final String NAMESPACE = "kubernetes:core/v1:Namespace";
    public static final String SECRET = "kubernetes:core/v1:Secret";
    public static final String SERVICE = "kubernetes:core/v1:Service";
    public static final String SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";
    public static final String CONFIG_MAP_PATCH = "kubernetes:core/v1:ConfigMapPatch";
    public static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    public static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    public static final String MUTATING_WEBHOOK_CONFIGURATION = "kubernetes:admissionregistration.k8s.io/v1:MutatingWebhookConfiguration";
    public static final String GATEWAY = "kubernetes:networking.istio.io/v1:Gateway";
    public static final String VIRTUAL_SERVICE = "kubernetes:networking.istio.io/v1:VirtualService";
    public static final String PRIVATE_KEY = com.pulumi.tls.PrivateKey.TYPE;
    public static final String SELF_SIGNED_CERT = com.pulumi.tls.SelfSignedCert.TYPE;
    public static final String CERT_REQUEST = com.pulumi.tls.CertRequest.TYPE;
    public static final String LOCALLY_SIGNED_CERT = com.pulumi.tls.LocallySignedCert.TYPE;

    private RegisteredNames() {
    }

    /**
     * One resource as its URN identifies it.
     *
     * @param parentType the type of the component it is registered under ({@link #STACK} at the top)
     * @param type       its type token
     * @param name       its name
     * @param clusters   the clusters whose names are part of the name
     */
    public record Registration(String parentType, String type, String name, List<String> clusters) {
        /** What the URN compares. */
        String urnKey() {
            return parentType + "$" + type + "::" + name;
        }
    }

    /**
     * The mesh as far as names go.
     *
     * @param meshName the {@link io.istiomc.components.Mesh}'s name, from which its children's names follow
     * @param clusters each cluster's name and whether it is a primary (which watches every other cluster)
     * @param roots    the CA's roots ({@link CaSettingsArgs#roots()})
     */
    public record Layout(String meshName, Map<String, Boolean> clusters, List<String> roots) {
        public Layout {
            clusters = new LinkedHashMap<>(clusters);
            roots = List.copyOf(roots);
        }

        /** A mesh whose CA has its first root only. */
        public Layout(String meshName, Map<String, Boolean> clusters) {
            this(meshName, clusters, CaSettingsArgs.defaults().roots());
        }

        String caName() {
            return io.istiomc.components.Mesh.caName(meshName);
        }

        String linkName() {
            return io.istiomc.components.Mesh.linkName(meshName);
        }

        String samplesName() {
            return io.istiomc.components.Mesh.SAMPLES_NAME;
        }
    }

    /** Every resource the components may register for {@code mesh}. */
    public static List<Registration> of(Layout mesh) {
        var all = new ArrayList<Registration>();
        var top = io.istiomc.components.Mesh.TYPE;
        all.add(new Registration(STACK, top, mesh.meshName(), List.of()));
        all.add(new Registration(top, MeshCertificateAuthority.TYPE, mesh.caName(), List.of()));
        all.add(new Registration(top, MeshLink.TYPE, mesh.linkName(), List.of()));
        all.add(new Registration(top, SampleApps.TYPE, mesh.samplesName(), List.of()));
        var ca = mesh.caName();
        all.add(new Registration(MeshCertificateAuthority.TYPE, TLS_PROVIDER, ca + "-tls", List.of()));
        for (var root : mesh.roots()) {
            all.add(new Registration(MeshCertificateAuthority.TYPE, PRIVATE_KEY,
                    MeshCertificateAuthority.rootResourceName(ca, root, "key"), List.of()));
            all.add(new Registration(MeshCertificateAuthority.TYPE, SELF_SIGNED_CERT,
                    MeshCertificateAuthority.rootResourceName(ca, root, "cert"), List.of()));
        }
        mesh.clusters().forEach((cluster, primary) -> {
            var owner = List.of(cluster);
            var component = primary ? PrimaryCluster.TYPE : RemoteCluster.TYPE;
            all.add(new Registration(top, component, cluster, owner));
            all.add(new Registration(component, K8S_PROVIDER, Names.providerName(cluster), owner));
            all.add(new Registration(component, NAMESPACE, cluster + "-" + Names.ISTIO_NAMESPACE, owner));
            all.add(new Registration(component, SECRET, cluster + "-" + Names.CACERTS_SECRET, owner));
            all.add(new Registration(component, SECRET, cluster + "-reader-token", owner));
            all.add(new Registration(component, SERVICE, cluster + "-" + Names.EAST_WEST_GATEWAY_SELECTOR, owner));
            for (var release : List.of("base", Names.ISTIOD_RELEASE, Names.EAST_WEST_GATEWAY_SELECTOR)) {
                all.add(new Registration(component, RELEASE, cluster + "-" + release, owner));
            }
            for (var gateway : List.of("cross-network-gateway", "istiod-gateway")) {
                all.add(new Registration(component, GATEWAY, cluster + "-" + gateway, owner));
            }
            all.add(new Registration(component, VIRTUAL_SERVICE, cluster + "-istiod-vs", owner));
            all.add(new Registration(MeshCertificateAuthority.TYPE, PRIVATE_KEY, ca + "-" + cluster + "-key", owner));
            all.add(new Registration(MeshCertificateAuthority.TYPE, CERT_REQUEST, ca + "-" + cluster + "-csr", owner));
            all.add(new Registration(MeshCertificateAuthority.TYPE, LOCALLY_SIGNED_CERT, ca + "-" + cluster + "-cert", owner));
            var samples = mesh.samplesName() + "-" + cluster;
            all.add(new Registration(SampleApps.TYPE, NAMESPACE, samples + "-namespace", owner));
            all.add(new Registration(SampleApps.TYPE, SERVICE, samples + "-helloworld", owner));
            all.add(new Registration(SampleApps.TYPE, SERVICE, samples + "-" + SampleApps.CURL, owner));
            all.add(new Registration(SampleApps.TYPE, SERVICE_ACCOUNT, samples + "-" + SampleApps.CURL + "-sa", owner));
            for (var deployment : List.of("helloworld-v1", "helloworld-v2", SampleApps.CURL + "-deployment")) {
                all.add(new Registration(SampleApps.TYPE, DEPLOYMENT, samples + "-" + deployment, owner));
            }
            if (primary) {
                var watcher = mesh.linkName() + "-" + cluster;
                all.add(new Registration(MeshLink.TYPE, CONFIG_MAP_PATCH, watcher + "-mesh-networks", owner));
                mesh.clusters().keySet().stream().filter(watched -> !watched.equals(cluster)).forEach(watched ->
                        all.add(new Registration(MeshLink.TYPE, SECRET, watcher + "-" + Names.remoteSecretName(watched),
                                List.of(cluster, watched))));
            }
        });
        return all;
    }

    /**
     * The resources that would share a URN, each as a problem on the last cluster (in {@code mesh}'s
     * order) whose name is part of it; its property is that cluster's name.
     */
    public static List<Problem> collisions(Layout mesh) {
        var byUrn = new LinkedHashMap<String, List<Registration>>();
        for (var registration : of(mesh)) {
            byUrn.computeIfAbsent(registration.urnKey(), k -> new ArrayList<>()).add(registration);
        }
        var order = new ArrayList<>(mesh.clusters().keySet());
        var problems = new ArrayList<Problem>();
        for (var same : byUrn.values()) {
            if (same.size() < 2) {
                continue;
            }
            var involved = new TreeSet<String>((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
            same.forEach(r -> involved.addAll(r.clusters()));
            if (involved.isEmpty()) {
                continue;
            }
            var first = same.get(0);
            problems.add(new Problem(involved.last(), "gives two resources one Pulumi URN: " + shortType(first.parentType())
                    + "'s " + shortType(first.type()) + " '" + first.name() + "' would be registered twice (for clusters '"
                    + String.join("', '", involved) + "'), and pulumi up would fail; rename one of these clusters"));
        }
        return problems;
    }

    private static String shortType(String type) {
        return type.substring(type.lastIndexOf(':') + 1);
    }
}
