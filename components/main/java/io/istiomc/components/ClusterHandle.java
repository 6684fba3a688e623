package io.istiomc.components;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.helm.v3.Release;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every cluster component returns, whatever the cluster's role: what the other components
 * need to place objects in it, reach it across networks and watch it. Passing this around, instead
 * of a context name, is how no component ever declares a second provider for the same cluster.
 *
 * @param clusterName the Istio cluster name ({@code global.multiCluster.clusterName})
 * @param network     the Istio network the cluster's pods are on
 * @param provider    the cluster's Kubernetes provider; reuse it, never declare another
 * @param istiod      the istiod release: the full control plane on a primary, the remote profile
 *                    (injection webhook) on a remote; objects istiod must see or serve follow it
 * @param gateway     the east-west gateway, where the topology needs one
 * @param reader      the reader credentials, where some primary watches the cluster
 * @param istiods     every revision's istiod release, {@code istiod} (the default revision's) among them
 */
public record ClusterHandle(String clusterName, String network, Provider provider, Release istiod,
                            Optional<Gateway> gateway, Optional<Reader> reader, List<RevisionRelease> istiods) {
    public ClusterHandle {
        istiods = List.copyOf(istiods);
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(istiod, "istiod");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(reader, "reader");
    }

    /**
     * The istiod release of one revision in the cluster.
     *
     * @param revision the revision
     * @param release  its istiod release (the remote profile on a remote)
     */
    public record RevisionRelease(Revisions.Revision revision, Release release) {
        public RevisionRelease {
            Objects.requireNonNull(revision, "revision");
            Objects.requireNonNull(release, "release");
        }
    }

    /**
     * A cluster's east-west gateway as other clusters dial it.
     *
     * @param address the configured address, or else the IP or DNS name the cluster gave the
     *                gateway's LoadBalancer Service; on a primary that serves remotes, known only
     *                once istiod is also reachable through it
     * @param port    the port other networks dial for cross-network traffic
     */
    public record Gateway(Output<String> address, int port) {
        public Gateway {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * What a primary's istiod needs to read a cluster, from the cluster's reader token Secret.
     *
     * @param token  the bearer token of {@code istio-reader-service-account}; secret
     * @param caData the cluster's API server CA, base64-encoded PEM; secret
     */
    public record Reader(Output<String> token, Output<String> caData) {
        public Reader {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(caData, "caData");
        }
    }
}
