/**
 * The stack configuration: typed records, parsed and validated once, before any resource is
 * registered. Every problem names its key path, the rule and the fix, and all problems of a stack
 * are reported together.
 */
package io.istiomc.config;
