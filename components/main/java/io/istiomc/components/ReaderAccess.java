package io.istiomc.components;

import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.helm.v3.Release;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Read access to a cluster for the primaries that watch it: a long-lived token of Istio's own
 * {@code istio-reader-service-account}. The account and its rights come from Istio's charts, as
 * Istio's install renders them ({@code global.enableReaderRBAC}): the {@code base} chart's
 * ServiceAccount, the {@code istiod} chart's {@code istio-reader-clusterrole-istio-system} and its
 * binding (with the external istiod's extra rules in a remote). Only the token Secret is declared
 * here, after the two releases, so a token is handed out only once it grants access.
 */
final class ReaderAccess {
    private static final String SERVICE_ACCOUNT_TOKEN_TYPE = "kubernetes.io/service-account-token";
    /** pulumi.com/waitFor conditions (a JSON list, all must hold; RFC 9535 JSONPath from plugin 4.24.0). */
    static final String TOKEN_FILLED = "[\"jsonpath={.data.token}\", \"jsonpath={.data['ca.crt']}\"]";

    private ReaderAccess() {
    }

    /**
     * Declares the reader token Secret in the cluster of {@code install}.
     *
     * @param base   the release that creates the ServiceAccount
     * @param istiod the release that binds it to the reader ClusterRole
     */
    static ClusterHandle.Reader declare(ClusterInstall install, String name, String clusterName, int tokenGeneration,
                                        Release base, Release istiod) {
        // Kubernetes >= 1.24 mints no long-lived token by itself. The token controller fills this
        // Secret; waitFor (all conditions must hold) keeps the graph waiting until token and ca.crt
        // are there, so no kubeconfig is built from an empty token. Through istiod (the binding), on
        // destroy the remote secrets that carry the token go before the access it grants.
        // A new token generation renames the Secret under the same resource: pulumi-kubernetes replaces
        // an object whose name changed by creating the new one first (deleteBeforeReplace only when the
        // name stays, provider.go Diff), the remote secrets that read its token are then updated in place,
        // and Pulumi deletes the old Secret, revoking the old token, last.
        var tokenSecret = new Secret(name + "-reader-token", SecretArgs.builder()
                .metadata(install.metadata(Names.readerTokenSecretName(tokenGeneration), Map.of(), Map.of(
                        "kubernetes.io/service-account.name", Names.READER_SERVICE_ACCOUNT,
                        Names.WAIT_FOR_ANNOTATION, TOKEN_FILLED)))
                .type(SERVICE_ACCOUNT_TOKEN_TYPE)
                .build(), install.options(base, istiod));
        var token = tokenSecret.data()
                .applyValue(data -> decodeBase64(requiredKey(data, "token", clusterName)))
                .asSecret();
        // certificate-authority-data takes the base64 of the PEM, which is what the Secret holds.
        var caData = tokenSecret.data()
                .applyValue(data -> requiredKey(data, "ca.crt", clusterName))
                .asSecret();
        return new ClusterHandle.Reader(token, caData);
    }

    private static String requiredKey(Map<String, String> data, String key, String clusterName) {
        var value = data == null ? null : data.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("the reader token Secret of cluster '" + clusterName + "' has no '" + key
                    + "'; is the token controller of kube-controller-manager running in that cluster?");
        }
        return value;
    }

    private static String decodeBase64(String value) {
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }
}
