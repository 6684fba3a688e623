package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRole;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBinding;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.ComponentResourceOptions;
import io.istiomc.components.inputs.RemoteClusterArgs;

import javax.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A remote cluster: no istiod of its own; its sidecars and its injection webhook use the primary's
 * istiod through the primary's east-west gateway (steps "Setup cluster 2" of the guide).
 *
 * <p>Children: the cluster's Kubernetes provider; namespace {@code istio-system} labelled with the
 * network and annotated with the primary as its control plane; {@code cacerts}; the {@code base}
 * and {@code istiod} (remote profile) releases; the reader ServiceAccount, its ClusterRole,
 * binding and token Secret; the east-west gateway (Service and release).
 */
public class RemoteCluster extends MeshCluster {
    public static final String TYPE = "istio-multicluster:index:RemoteCluster";
    private static final String SERVICE_ACCOUNT_TOKEN_TYPE = "kubernetes.io/service-account-token";
    /** pulumi.com/waitFor conditions (a JSON list, all must hold; RFC 9535 JSONPath from plugin 4.24.0). */
    static final String TOKEN_FILLED = "[\"jsonpath={.data.token}\", \"jsonpath={.data['ca.crt']}\"]";

    private final Output<String> apiServer;
    private final Output<String> readerToken;
    private final Output<String> apiServerCaData;

    public RemoteCluster(String name, RemoteClusterArgs args) {
        this(name, args, null);
    }

    public RemoteCluster(String name, RemoteClusterArgs args, @Nullable ComponentResourceOptions options) {
        // Validated before super(): a bad argument must fail before anything is registered.
        super(TYPE, name, validated(args, options));
        var cluster = args.cluster();
        var install = new ClusterInstall(this, name, cluster, true,
                Map.of(Names.CONTROL_PLANE_CLUSTERS_ANNOTATION, args.primaryClusterName()));

        // The remote's webhooks and proxies point at the primary's gateway, so this release waits
        // for that address: the first of the two cross-cluster edges of the graph.
        var istiod = install.istiod(args.remotePilotAddress().applyValue(address -> IstioValues.remoteIstiod(
                cluster.meshId(), cluster.clusterName(), cluster.network(), address)));

        var serviceAccount = new ServiceAccount(name + "-reader", ServiceAccountArgs.builder()
                .metadata(install.metadata(Names.READER_SERVICE_ACCOUNT))
                .build(), install.options(install.namespace));
        var clusterRole = new ClusterRole(name + "-reader-role", ClusterRoleArgs.builder()
                .metadata(clusterScoped(Names.READER_CLUSTER_ROLE))
                .rules(ReaderAccess.rules())
                .build(), install.options());
        var binding = new ClusterRoleBinding(name + "-reader-binding", ClusterRoleBindingArgs.builder()
                .metadata(clusterScoped(Names.READER_CLUSTER_ROLE))
                .roleRef(RoleRefArgs.builder()
                        .apiGroup("rbac.authorization.k8s.io")
                        .kind("ClusterRole")
                        .name(clusterRole.metadata().applyValue(m -> m.name().orElseThrow()))
                        .build())
                .subjects(SubjectArgs.builder()
                        .kind("ServiceAccount")
                        .name(serviceAccount.metadata().applyValue(m -> m.name().orElseThrow()))
                        .namespace(install.namespaceName)
                        .build())
                .build(), install.options());

        // Kubernetes >= 1.24 mints no long-lived token by itself. The token controller fills this
        // Secret; waitFor (all conditions must hold) keeps the graph waiting until token and ca.crt
        // are there, so no kubeconfig is built from an empty token.
        var tokenSecret = new Secret(name + "-reader-token", SecretArgs.builder()
                .metadata(install.metadata(Names.READER_TOKEN_SECRET, Map.of(), Map.of(
                        "kubernetes.io/service-account.name", Names.READER_SERVICE_ACCOUNT,
                        Names.WAIT_FOR_ANNOTATION, TOKEN_FILLED)))
                .type(SERVICE_ACCOUNT_TOKEN_TYPE)
                .build(), install.options(serviceAccount));
        // Through the binding too: the token is worth handing to istiod only once it grants access,
        // and on destroy the remote secret that carries it goes before the binding.
        this.readerToken = Output.tuple(tokenSecret.data(), binding.metadata())
                .applyValue(t -> decodeBase64(requiredKey(t.t1, "token", cluster.clusterName())))
                .asSecret();
        // certificate-authority-data takes the base64 of the PEM, which is what the Secret holds.
        this.apiServerCaData = tokenSecret.data()
                .applyValue(data -> requiredKey(data, "ca.crt", cluster.clusterName()))
                .asSecret();

        var gateway = install.eastWestGateway(istiod, false);

        this.apiServer = args.apiServer();
        joined(cluster, install, istiod, gateway.address());
        registerOutputs(outputs(Map.of(
                "apiServer", apiServer,
                "readerToken", readerToken,
                "apiServerCaData", apiServerCaData)));
    }

    private static ObjectMetaArgs clusterScoped(String objectName) {
        return ObjectMetaArgs.builder()
                .name(objectName)
                .labels(Map.of(Names.MANAGED_BY_LABEL, Names.MANAGED_BY))
                .build();
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

    private static @Nullable ComponentResourceOptions validated(RemoteClusterArgs args, @Nullable ComponentResourceOptions options) {
        validate(args);
        return options;
    }

    /**
     * Cross-field rules that the builders cannot check alone.
     *
     * @throws IllegalArgumentException naming the property and the fix
     */
    public static void validate(RemoteClusterArgs args) {
        var cluster = args.cluster();
        Dns1123.requireLabel("RemoteClusterArgs", "cluster.clusterName", cluster.clusterName());
        Dns1123.requireLabel("RemoteClusterArgs", "cluster.network", cluster.network());
        if (cluster.clusterName().equals(args.primaryClusterName())) {
            throw new IllegalArgumentException("RemoteClusterArgs: 'cluster.clusterName' must differ from"
                    + " 'primaryClusterName' (both are '" + cluster.clusterName() + "'); give each cluster its own name");
        }
    }

    /** The URL at which the primary reaches this remote's API server. */
    public Output<String> apiServer() {
        return apiServer;
    }

    /**
     * The bearer token of the remote's {@code istio-reader-service-account}, known once the token
     * controller has filled its Secret. Secret.
     */
    public Output<String> readerToken() {
        return readerToken;
    }

    /** The remote API server's CA bundle, base64-encoded PEM, from the same Secret. Secret. */
    public Output<String> apiServerCaData() {
        return apiServerCaData;
    }
}
