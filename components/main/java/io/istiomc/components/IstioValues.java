package io.istiomc.components;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Helm values of every Istio release the mesh installs, built here and nowhere else. Helm
 * values are untyped, so the keys are checked against each chart's {@code values.yaml} of the
 * pinned Istio version by a test; the comments say which step of the manual guide each key replaces.
 *
 * <p>Mapping from the IstioOperator spelling of Istio's install guide to the charts:
 * {@code values.pilot.env.EXTERNAL_ISTIOD: true} is {@code global.externalIstiod: true}, from which
 * the istiod chart renders that environment variable (setting both would declare it twice); the
 * remote's {@code pilot.enabled: false} is the remote profile's {@code istiodRemote.enabled: true},
 * which installs no istiod Deployment.
 */
public final class IstioValues {
    private static final String REMOTE_PROFILE = "remote";
    /**
     * The istiod pod annotation that holds the SHA-256 of its {@code root-cert.pem} while that holds
     * several roots: a change of the roots changes the pod template, and so restarts istiod.
     */
    public static final String TRUSTED_ROOTS_ANNOTATION = "istio-multicluster/root-cert-sha256";

    private IstioValues() {
    }

    /**
     * The {@code base} chart (CRDs and cluster-wide roles). {@code global.enableReaderRBAC} decides
     * whether it renders Istio's {@code istio-reader-service-account}: on where a primary watches the
     * cluster (its token goes into that primary's remote secret), off elsewhere, so no identity with
     * read access exists where nothing uses it. (The istiod chart renders the reader ClusterRole and
     * its binding by default; its values.yaml has no such key.)
     *
     * @param remotePilotAddress on a remote, the gateway address of its primary (the remote profile;
     *                           its default validation webhook reaches istiod there, see
     *                           {@link #remoteIstiod}); empty on a primary
     */
    public static Map<String, Object> base(boolean readerAccess, Optional<String> remotePilotAddress, Revisions revisions) {
        var values = new LinkedHashMap<String, Object>();
        var defaultRevision = revisions.defaultRevision();
        if (!defaultRevision.unrevisioned()) {
            // The chart's istiod-default-validator (defaultrevision-validatingwebhookconfiguration.yaml) then
            // calls istiod-<rev>: Istio config is validated by the default revision, which moves with it. Its
            // chart default, "default", names the unrevisioned istiod, as before revisions.
            values.put("defaultRevision", defaultRevision.name());
        }
        remotePilotAddress.ifPresent(address -> {
            values.put("profile", REMOTE_PROFILE);
            IstiodWebhooks.urls(address).ifPresent(urls -> values.put("base", Map.of("validationURL", urls.validation())));
        });
        values.put("global", Map.of("enableReaderRBAC", readerAccess));
        return values;
    }

    /**
     * istiod on a primary: the seed's {@code values-istio-multicluster-primary.yaml}. It serves its
     * own cluster and, as an external istiod, the remotes that reach it through its gateway.
     *
     * @param remotesReachItAt where remotes reach this istiod (its gateway address) when it serves
     *                         any; empty when it serves none
     */
    public static Map<String, Object> primaryIstiod(String meshId, String clusterName, String network,
                                                    Optional<String> remotesReachItAt) {
        var global = new LinkedHashMap<String, Object>();
        global.put("meshID", meshId);
        global.put("multiCluster", Map.of("clusterName", clusterName));
        global.put("network", network);
        var values = new LinkedHashMap<String, Object>();
        values.put("global", global);
        remotesReachItAt.ifPresent(address -> {
            // EXTERNAL_ISTIOD: istiod manages the remotes' webhooks and root-cert ConfigMaps.
            global.put("externalIstiod", true);
            // The remotes' API servers dial a DNS-named gateway by URL (see remoteIstiod) and verify
            // istiod's serving certificate for that name: ISTIOD_CUSTOM_HOST adds it to the names
            // istiod issues its certificate for (getDNSNames in pilot/pkg/bootstrap), as Istio's
            // external control plane guide sets it to the gateway's host.
            IstiodWebhooks.urls(address).ifPresent(urls ->
                    values.put("env", Map.of(IstiodWebhooks.CUSTOM_HOST_VARIABLE, urls.host())));
        });
        return values;
    }

    /**
     * istiod's values, with {@link #TRUSTED_ROOTS_ANNOTATION} on its pods while {@code root-cert.pem}
     * holds more than one root. istiod 1.30 watches {@code cacerts} and takes a new intermediate in
     * place, but ignores a {@code root-cert.pem} of other roots unless {@code ISTIO_MULTIROOT_MESH} is
     * on ("Multi root is disabled, updating new ROOT-CA not supported", {@code handleEvent} in
     * {@code pilot/pkg/bootstrap/istio_ca.go}): it reads the roots afresh only when it starts. The
     * annotation restarts it on each step of a root rotation that changes the roots (adding one, and
     * dropping the old one, which removes the annotation), and never while there is one root, so a
     * stack that rotates nothing renders istiod as before.
     *
     * @param rootCertPem the cluster's {@code root-cert.pem}
     */
    public static Map<String, Object> restartedWhenRootsChange(Map<String, Object> istiodValues, String rootCertPem) {
        if (rootCertPem.split("-----BEGIN CERTIFICATE-----", -1).length - 1 < 2) {
            return istiodValues;
        }
        var values = new LinkedHashMap<>(istiodValues);
        values.put("podAnnotations", Map.of(TRUSTED_ROOTS_ANNOTATION, sha256(rootCertPem)));
        return values;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The istiod chart on a remote, with the remote profile: webhooks pointing at the primary's
     * istiod through {@code remotePilotAddress} (the seed's {@code --set profile=remote} line), and
     * no istiod of its own. For an IP the chart's selector-less Service {@code istiod} and its
     * EndpointSlice (the IP, port 15017) carry the webhooks, as in Istio's primary-remote guide. For
     * a DNS name the chart would make that Service an {@code ExternalName}, which an API server dials
     * on the Service port 443 (the gateway exposes none) or refuses with endpoint routing
     * (istio/istio#45014; the primary-remote guide calls itself "not suitable for AWS EKS primary cluster deployment"); so the
     * webhooks take URLs on the gateway's port 15017 instead ({@code istiodRemote.injectionURL},
     * {@code base.validationURL}), as Istio's external control plane guide sets them. The Service
     * still carries xDS on 15012, which proxies resolve through DNS.
     */
    public static Map<String, Object> remoteIstiod(String meshId, String clusterName, String network,
                                                   String remotePilotAddress, Revisions.Revision revision) {
        if (!revision.unrevisioned() && IstiodWebhooks.urls(remotePilotAddress).isPresent()) {
            // A webhook URL on the gateway's DNS name carries that name as its TLS SNI whatever the revision,
            // so the gateway cannot route it to istiod-<rev> (expose-istiod-rev.yaml.tmpl routes by SNI
            // istiod-<rev>.istio-system.svc, which only the Service and EndpointSlice path sends).
            throw new IllegalArgumentException("revision '" + revision.name() + "' cannot serve remote cluster '"
                    + clusterName + "': its primary's east-west gateway address '" + remotePilotAddress + "' is a DNS name,"
                    + " and the remote's API server reaches a DNS-named gateway by URL, whose TLS server name is the"
                    + " gateway's, not istiod-" + revision.name() + "'s; give the primary an IP address (gateway.address)"
                    + " to run named revisions with remotes, or keep 'version' alone");
        }
        var global = new LinkedHashMap<String, Object>();
        global.put("meshID", meshId);
        global.put("multiCluster", Map.of("clusterName", clusterName));
        global.put("network", network);
        global.put("remotePilotAddress", remotePilotAddress);
        // As Istio's primary-remote install sets it. In the 1.30.3 remote profile it adds istiod's
        // ServiceAccount, ClusterRoles, Role and bindings (what the primary's istiod needs to act on this
        // cluster's config) and the config validation webhook, served by the primary's istiod through
        // its gateway, so Istio objects applied to the remote are validated too. It renders no mesh
        // ConfigMap 'istio' on the remote (checked on the rendered chart by it.RenderedReleasesIT).
        global.put("configCluster", true);
        var values = new LinkedHashMap<String, Object>();
        values.put("profile", REMOTE_PROFILE);
        values.put("global", global);
        var istiodRemote = new LinkedHashMap<String, Object>();
        istiodRemote.put("enabled", true);
        istiodRemote.put("injectionPath", Names.injectionPath(clusterName, network));
        var urls = IstiodWebhooks.urls(remotePilotAddress);
        urls.ifPresent(u -> istiodRemote.put("injectionURL", u.injection(clusterName, network)));
        values.put("istiodRemote", istiodRemote);
        // The istiod chart's own validation webhook (istio-validator-<namespace>, rendered for a config
        // cluster) reads base.validationURL too, though its values.yaml does not list the key.
        urls.ifPresent(u -> values.put("base", Map.of("validationURL", u.validation())));
        return values;
    }

    /**
     * The {@code gateway} chart as an east-west (network) gateway. The chart's Service is turned off
     * ({@code service.type: None}) because the mesh declares the Service itself, so that the
     * gateway's address is an output Pulumi can wait for and pass to the other clusters.
     */
    public static Map<String, Object> eastWestGateway(String network, Revisions revisions) {
        var values = new LinkedHashMap<String, Object>();
        var defaultRevision = revisions.defaultRevision();
        if (!defaultRevision.unrevisioned()) {
            // The chart labels the pods istio.io/rev=<rev> (_helpers.tpl), so that revision injects them and a
            // move of the default rolls them; unrevisioned pods go to whatever the default tag names.
            values.put("revision", defaultRevision.name());
        }
        values.put("networkGateway", network);
        values.put("service", Map.of("type", "None"));
        return values;
    }

    /**
     * An istiod release's values for one revision: the chart's {@code revision} for a named one (its
     * objects are then named {@code istiod-<rev>}, {@code istio-sidecar-injector-<rev>}, ConfigMap
     * {@code istio-<rev>}, and its injection webhook selects only {@code istio.io/rev=<rev>}). The
     * unrevisioned control plane's webhook also takes {@code istio-injection=enabled} namespaces, the
     * default tag's job; while another revision is the default it renders no injection webhook at all
     * ({@code global.operatorManageWebhooks}), as {@code istioctl tag set default} deactivates that
     * webhook when the tag moves away from it (DeactivateIstioInjectionWebhook, istioctl/pkg/tag).
     */
    public static Map<String, Object> ofRevision(Map<String, Object> values, Revisions revisions, Revisions.Revision revision) {
        if (revision.unrevisioned() && revisions.defaultRevision().equals(revision)) {
            return values;
        }
        var result = new LinkedHashMap<String, Object>(values);
        if (revision.unrevisioned()) {
            @SuppressWarnings("unchecked")
            var global = new LinkedHashMap<String, Object>((Map<String, Object>) values.getOrDefault("global", Map.of()));
            global.put("operatorManageWebhooks", true);
            result.put("global", global);
        } else {
            result.put("revision", revision.name());
        }
        return result;
    }

    /** The pod labels the gateway chart derives from the release name; the Service selects on them. */
    public static Map<String, String> eastWestGatewaySelector() {
        return Map.of("app", Names.EAST_WEST_GATEWAY, "istio", Names.EAST_WEST_GATEWAY_SELECTOR);
    }

    /** The chart names, as published in Istio's Helm repository. */
    public static List<String> charts() {
        return List.of("base", "istiod", "gateway");
    }
}
