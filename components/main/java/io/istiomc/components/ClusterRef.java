package io.istiomc.components;

import com.pulumi.kubernetes.Provider;

import java.util.Objects;

/**
 * What other components need to know of a cluster to place resources in it: its Istio cluster
 * name, its network and the one Kubernetes provider declared for its kube context. Passing this
 * around, instead of a context name, is how no component ever declares a second provider for the
 * same cluster.
 *
 * @param clusterName the Istio cluster name ({@code global.multiCluster.clusterName})
 * @param network     the Istio network the cluster's pods are on
 * @param provider    the cluster's Kubernetes provider
 */
public record ClusterRef(String clusterName, String network, Provider provider) {
    public ClusterRef {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(provider, "provider");
    }
}
