/**
 * The component library as a Pulumi package that every Pulumi language can use: the components of
 * {@link io.istiomc.components}, served by pulumi-java's component provider host
 * ({@link io.istiomc.components.provider.ComponentPackage}).
 *
 * <p>The host finds the components of this package by reflection, names each after its class
 * ({@code istio-multicluster:index:<SimpleName>}, the same type tokens as the Java API, so URNs do
 * not change) and infers the schema from each constructor's {@code ResourceArgs} and the
 * {@code @Export} fields. Each class here therefore extends the Java component of the same name,
 * adds nothing but a constructor over value-only args (no {@code Provider}, no component objects:
 * what a TypeScript, Python or YAML program can pass) and exports the component's outputs.
 * Values that flow between components (gateway addresses, CA material, reader credentials) are
 * outputs of one and inputs of another, as a program in any language wires them.
 *
 * <p>Arguments are plain where the component needs them while it declares its children (names,
 * networks, contexts, ports) and {@code Output}s where they may come from another resource.
 */
package io.istiomc.components.provider;
