/**
 * The reusable component library: an Istio mesh with one shared control plane across
 * network-isolated Kubernetes clusters ("primary-remote on different networks").
 *
 * <p>{@link io.istiomc.components.MeshCertificateAuthority} issues the shared root and one
 * intermediate per cluster; {@link io.istiomc.components.PrimaryCluster} runs istiod and the
 * east-west gateway that exposes it; every {@link io.istiomc.components.RemoteCluster} uses that
 * istiod through the primary's gateway address; {@link io.istiomc.components.MeshLink} gives the
 * primary read access to each remote and the meshNetworks that route between networks;
 * {@link io.istiomc.components.SampleApps} deploys the helloworld/sleep check.
 *
 * <p>Every Kubernetes child is bound to the explicit provider of its own cluster: a resource on a
 * default provider would touch whatever cluster the ambient kubeconfig points at.
 */
package io.istiomc.components;
