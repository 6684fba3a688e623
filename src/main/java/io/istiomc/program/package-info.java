/**
 * The Pulumi program: reads and validates the stack configuration, then wires the components of
 * {@link io.istiomc.components}. No Kubernetes detail lives here.
 */
package io.istiomc.program;
