/**
 * What every command shares: option parsing, the stack it reads, usage errors, input failures and exit statuses. The command line
 * ({@code cli}) dispatches to the benchmark ({@code bench}); both build on this package, so the
 * benchmark does not depend on the command line.
 */
package io.istiomc.command;
