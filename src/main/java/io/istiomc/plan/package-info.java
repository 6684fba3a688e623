/**
 * The offline plan: the real program run in-process under the Pulumi SDK's mocks, with what only
 * live clusters know simulated deterministically and marked as such, and every registered resource
 * recorded with its inputs, parent, provider and dependencies.
 */
package io.istiomc.plan;
