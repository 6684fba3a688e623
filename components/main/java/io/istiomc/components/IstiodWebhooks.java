package io.istiomc.components;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a remote's API server reaches the injection and validation webhooks of the istiod that serves
 * it, through that primary's east-west gateway on port {@value IstioNetworking#ISTIOD_WEBHOOK_PORT}.
 * Decided in one place for the remote's charts and the primary's istiod, so that the URLs and the name
 * in istiod's certificate always agree.
 */
public final class IstiodWebhooks {
    /** The istiod variable that adds names to its serving certificate (pilot/pkg/features). */
    public static final String CUSTOM_HOST_VARIABLE = "ISTIOD_CUSTOM_HOST";
    public static final String VALIDATION_PATH = "/validate";

    // The istiod chart's own test for an IP (templates/remote-istiod-service.yaml and
    // remote-istiod-endpointslices.yaml of 1.30.3): what it does not match, it makes an ExternalName.
    private static final Pattern CHART_IPV4 = Pattern.compile("^([0-9]*\\.){3}[0-9]*$");
    private static final Pattern CHART_IPV6 = Pattern.compile("^([0-9a-fA-F]*:)+[0-9a-fA-F]*$");

    private IstiodWebhooks() {
    }

    /**
     * The webhook URLs on a gateway address, where the address needs them: a DNS name, which the
     * istiod chart would otherwise put behind an ExternalName Service. Empty for an IP, whose
     * EndpointSlice the API server reaches as the chart renders it.
     */
    public static Optional<Urls> urls(String gatewayAddress) {
        if (CHART_IPV4.matcher(gatewayAddress).matches() || CHART_IPV6.matcher(gatewayAddress).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Urls(gatewayAddress));
    }

    /**
     * The webhook URLs on a DNS-named gateway.
     *
     * @param host the gateway's DNS name, which istiod's serving certificate must name
     */
    public record Urls(String host) {
        /** The sidecar injector, on the path that tells istiod the remote's cluster and network. */
        public String injection(String clusterName, String network) {
            return base() + Names.injectionPath(clusterName, network);
        }

        /** The config validation webhook. */
        public String validation() {
            return base() + VALIDATION_PATH;
        }

        private String base() {
            return "https://" + host + ":" + IstioNetworking.ISTIOD_WEBHOOK_PORT;
        }
    }
}
