package io.istiomc.components;

import java.util.List;
import java.util.Map;

/**
 * The specs of the Istio networking objects the primary carries, built here and nowhere else.
 * Because the remotes read their configuration from the primary's istiod, these objects serve
 * every cluster's east-west gateway, as the seed notes for its {@code cluster-aware-gateway}.
 */
public final class IstioNetworking {
    public static final String API_VERSION = "networking.istio.io/v1";
    public static final String CROSS_NETWORK_GATEWAY = "cross-network-gateway";
    public static final String ISTIOD_GATEWAY = "istiod-gateway";
    public static final String ISTIOD_VIRTUAL_SERVICE = "istiod-vs";
    public static final int CROSS_NETWORK_PORT = 15443;
    public static final int ISTIOD_XDS_PORT = 15012;
    public static final int ISTIOD_WEBHOOK_PORT = 15017;
    /** istiod's Service exposes its webhook on 443, in front of container port 15017. */
    public static final int ISTIOD_SERVICE_WEBHOOK_PORT = 443;

    private static final String ISTIOD_HOST = "istiod." + Names.ISTIO_NAMESPACE + ".svc.cluster.local";

    /**
     * Whether a cluster runs an east-west gateway: where other networks reach its workloads
     * ({@code multiNetwork}) or its remotes reach its istiod ({@code servesRemotes}, primaries only).
     */
    public static boolean needsEastWestGateway(boolean servesRemotes, boolean multiNetwork) {
        return servesRemotes || multiNetwork;
    }

    private IstioNetworking() {
    }

    /**
     * Passes mTLS traffic from other networks straight to the workload named in its SNI (the seed's
     * {@code cluster-aware-gateway}, on the east-west port).
     */
    public static Map<String, Object> crossNetworkGatewaySpec() {
        return Map.of(
                "selector", gatewaySelector(),
                "servers", List.of(Map.of(
                        "port", Map.of("number", CROSS_NETWORK_PORT, "name", "tls", "protocol", "TLS"),
                        "tls", Map.of("mode", "AUTO_PASSTHROUGH"),
                        "hosts", List.of("*.local"))));
    }

    /** Lets the remotes reach istiod's XDS and injection webhook through the east-west gateway. */
    public static Map<String, Object> istiodGatewaySpec() {
        return Map.of(
                "selector", gatewaySelector(),
                "servers", List.of(
                        passthroughServer("tls-istiod", ISTIOD_XDS_PORT),
                        passthroughServer("tls-istiodwebhook", ISTIOD_WEBHOOK_PORT)));
    }

    /** Routes the two passthrough listeners of {@link #istiodGatewaySpec()} to istiod's Service. */
    public static Map<String, Object> istiodVirtualServiceSpec() {
        return istiodVirtualServiceSpec(List.of("*"), ISTIOD_HOST);
    }

    /** The VirtualService that routes a revision's istiod: {@code istiod-vs}, {@code istiod-vs-<rev>}. */
    public static String istiodVirtualServiceName(Revisions.Revision revision) {
        return ISTIOD_VIRTUAL_SERVICE + revision.suffix();
    }

    /**
     * Routes one revision's istiod through the one {@code istiod-gateway}: the unrevisioned istiod takes
     * every TLS server name ({@link #istiodVirtualServiceSpec()}, as before revisions), a named revision the
     * names its Service is dialled by, {@code istiod-<rev>.istio-system.svc} and its cluster-local form, as
     * Istio's {@code samples/multicluster/expose-istiod-rev.yaml.tmpl} does. Envoy prefers an exact server
     * name to the catch-all, so the revisions share the gateway's two listeners.
     */
    public static Map<String, Object> istiodVirtualServiceSpec(Revisions.Revision revision) {
        if (revision.unrevisioned()) {
            return istiodVirtualServiceSpec();
        }
        var service = revision.istiodName() + "." + Names.ISTIO_NAMESPACE + ".svc";
        return istiodVirtualServiceSpec(List.of(service, service + ".cluster.local"), service + ".cluster.local");
    }

    private static Map<String, Object> istiodVirtualServiceSpec(List<String> sniHosts, String host) {
        return Map.of(
                "hosts", List.of("*"),
                "gateways", List.of(ISTIOD_GATEWAY),
                "tls", List.of(
                        tlsRoute(ISTIOD_XDS_PORT, ISTIOD_XDS_PORT, sniHosts, host),
                        tlsRoute(ISTIOD_WEBHOOK_PORT, ISTIOD_SERVICE_WEBHOOK_PORT, sniHosts, host)));
    }

    private static Map<String, Object> gatewaySelector() {
        return Map.of("istio", Names.EAST_WEST_GATEWAY_SELECTOR);
    }

    private static Map<String, Object> passthroughServer(String portName, int port) {
        return Map.of(
                "port", Map.of("name", portName, "number", port, "protocol", "TLS"),
                "tls", Map.of("mode", "PASSTHROUGH"),
                "hosts", List.of("*"));
    }

    private static Map<String, Object> tlsRoute(int gatewayPort, int istiodPort, List<String> sniHosts, String host) {
        return Map.of(
                "match", List.of(Map.of("port", gatewayPort, "sniHosts", sniHosts)),
                "route", List.of(Map.of("destination", Map.of(
                        "host", host,
                        "port", Map.of("number", istiodPort)))));
    }
}
