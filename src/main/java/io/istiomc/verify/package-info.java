/**
 * The {@code verify} command: the mesh's cross-cluster wiring checked against the live clusters
 * (remote secrets, what their kubeconfigs reach and may read, the reader tokens' expiry, the
 * clusters' {@code cacerts}, the gateways' addresses). It reads the stack configuration with the
 * program's own reader and kubeconfig lookup, and prints no token, key or kubeconfig.
 */
package io.istiomc.verify;
