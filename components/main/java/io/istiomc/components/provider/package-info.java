/**
 * The component library as a Pulumi package that every Pulumi language can use. It holds one class,
 * {@link io.istiomc.components.provider.ComponentPackage}, the plugin's entry point, and no
 * component: the package serves the library's own {@code Mesh}, {@code MeshCertificateAuthority},
 * {@code PrimaryCluster} and {@code RemoteCluster}, whose single constructor takes
 * {@code ResourceArgs} with {@code @Import} fields and whose outputs are their {@code @Export}
 * fields, as pulumi-java 1.36.1's component provider requires.
 *
 * <p>What the SDK forces here: its {@code ComponentProviderHost} infers a schema for every
 * component class it finds in the package by reflection, and the library's package also holds the
 * Java-only building blocks ({@code MeshLink}, {@code SampleApps}, which take providers and
 * components), so the plugin lists the served classes itself and hands them to the SDK's
 * {@code ComponentAnalyzer} and {@code ComponentProvider}. It lives in a package of its own so that
 * the library's package is what {@code Construct} resolves type tokens in
 * ({@code istio-multicluster:index:Mesh} is {@code io.istiomc.components.Mesh}).
 */
package io.istiomc.components.provider;
