/**
 * The reusable component library: an Istio mesh across Kubernetes clusters, in any of Istio's
 * multicluster topologies: primary-remote and multi-primary, on one network or on several, and
 * mixes of the two.
 *
 * <p>{@link io.istiomc.components.MeshCertificateAuthority} issues the shared root and one
 * intermediate per cluster; each {@link io.istiomc.components.PrimaryCluster} runs istiod (exposed
 * through its east-west gateway where remotes use it); every {@link io.istiomc.components.RemoteCluster}
 * uses the istiod of its primary through that primary's gateway address; every cluster component
 * returns the same {@link io.istiomc.components.ClusterHandle}; {@link io.istiomc.components.MeshLink}
 * gives every primary read access to every other cluster and, across networks, the meshNetworks;
 * {@link io.istiomc.components.SampleApps} deploys the helloworld/curl check.
 *
 * <p>Every Kubernetes child is bound to the explicit provider of its own cluster: a resource on a
 * default provider would touch whatever cluster the ambient kubeconfig points at.
 */
package io.istiomc.components;
