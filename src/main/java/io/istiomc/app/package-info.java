/**
 * The entry point: the Pulumi program under the engine, the command line from a shell. It sits
 * above both, so neither the program nor the command line depends on the other.
 */
package io.istiomc.app;
