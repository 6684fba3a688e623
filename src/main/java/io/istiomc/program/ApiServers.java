package io.istiomc.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.istiomc.components.Kubeconfigs;
import io.istiomc.components.RemoteSecretKubeconfig;
import io.istiomc.components.inputs.ApiEndpoint;
import io.istiomc.config.ConfigProblem;
import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.MeshConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the primaries reach each cluster they watch (every remote, and every primary when there are
 * several): {@code clusters[].apiServer} when set, else the server of the cluster's context in its
 * kubeconfig (the guide's {@code SERVER=} step), with {@code clusters[].tlsServerName}. Resolved once
 * per run, before anything is registered. Offline, a server that cannot be read is simulated, and
 * says so.
 */
public final class ApiServers {
    /** How a run treats a remote whose API server cannot be found. */
    public enum Mode {
        /** A real deployment: it is a configuration error. */
        DEPLOY,
        /** The offline plan: a documentation URL stands in, marked simulated. */
        PLAN
    }

    /**
     * The API server of one watched cluster.
     *
     * @param url           the URL
     * @param tlsServerName the name its certificate is verified against, when not the URL's host
     * @param origin        where the URL came from: {@code config}, {@code kubeconfig} or {@code simulated}
     */
    public record ApiServer(String url, Optional<String> tlsServerName, String origin) {
        public boolean simulated() {
            return "simulated".equals(origin);
        }

        /** The endpoint as the remote secret's kubeconfig names it. */
        public ApiEndpoint endpoint() {
            return new ApiEndpoint(url, tlsServerName);
        }
    }

    private ApiServers() {
    }

    /**
     * Resolves the API server of every cluster some primary watches, by cluster name.
     *
     * @param defaultKubeconfigs the kubeconfig files searched, in order, where a cluster names none ({@code $KUBECONFIG} or {@code ~/.kube/config})
     * @param warnings          receives warnings (e.g. a loopback server another cluster cannot reach)
     * @throws InvalidConfigException in {@link Mode#DEPLOY} when a server cannot be found
     */
    public static Map<String, ApiServer> resolve(MeshConfig config, Mode mode, List<Path> defaultKubeconfigs,
                                                 List<String> warnings) {
        var result = new LinkedHashMap<String, ApiServer>();
        var problems = new ArrayList<ConfigProblem>();
        var clusters = config.clusters();
        for (int i = 0; i < clusters.size(); i++) {
            var cluster = clusters.get(i);
            if (!config.watched(cluster)) {
                continue;
            }
            var key = MeshConfig.NAMESPACE + ":clusters[" + i + "].apiServer";
            ApiServer server;
            if (cluster.apiServer().isPresent()) {
                server = new ApiServer(cluster.apiServer().get(), cluster.tlsServerName(), "config");
            } else {
                var lookup = fromKubeconfig(cluster, defaultKubeconfigs);
                if (lookup.url.isPresent()) {
                    server = new ApiServer(lookup.url.get(), cluster.tlsServerName(), "kubeconfig");
                } else if (mode == Mode.PLAN) {
                    server = new ApiServer("https://api." + cluster.name() + ".example:6443", cluster.tlsServerName(),
                            "simulated");
                } else {
                    problems.add(new ConfigProblem(key, "is not set, and " + lookup.reason
                            + "; set it to the URL at which the primary clusters reach this API server"));
                    continue;
                }
            }
            if (RemoteSecretKubeconfig.isLoopback(server.url())) {
                var watchers = config.watchersOf(cluster).stream().map(MeshConfig.Cluster::name).toList();
                warnings.add(key + ": '" + server.url() + "' is a loopback address; istiod in cluster"
                        + (watchers.size() == 1 ? " '" : "s '") + String.join("', '", watchers)
                        + "' cannot reach it. Set apiServer to an address reachable from there.");
            }
            result.put(cluster.name(), server);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return result;
    }

    /**
     * The kubeconfig files a plain {@code kubectl} would use: every file of {@code $KUBECONFIG}, in
     * order, else {@code ~/.kube/config}.
     */
    public static List<Path> defaultKubeconfigs() {
        var env = System.getenv("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            return java.util.Arrays.stream(env.split(java.io.File.pathSeparator)).filter(p -> !p.isBlank()).map(Path::of).toList();
        }
        return List.of(Path.of(System.getProperty("user.home"), ".kube", "config"));
    }

    private record Lookup(Optional<String> url, String reason) {
    }

    private static Lookup fromKubeconfig(MeshConfig.Cluster cluster, List<Path> defaultKubeconfigs) {
        if (cluster.kubeconfig().isPresent() && cluster.kubeconfig().get().inline()) {
            return lookup(cluster.kubeconfig().get().value(), "the inline kubeconfig", cluster.context());
        }
        // As kubectl merges the files of $KUBECONFIG, the first file that has the context wins.
        var files = cluster.kubeconfig().map(k -> List.of(Path.of(k.value()))).orElse(defaultKubeconfigs)
                .stream().filter(Files::isRegularFile).toList();
        if (files.isEmpty()) {
            return new Lookup(Optional.empty(), "no kubeconfig file was found"
                    + (defaultKubeconfigs.isEmpty() ? "" : " at " + defaultKubeconfigs));
        }
        var reasons = new ArrayList<String>();
        for (var file : files) {
            try {
                var found = lookup(Files.readString(file), file.toString(), cluster.context());
                if (found.url.isPresent()) {
                    return found;
                }
                reasons.add(found.reason);
            } catch (IOException e) {
                reasons.add(file + " could not be read (" + e.getClass().getSimpleName() + ")");
            }
        }
        return new Lookup(Optional.empty(), String.join("; ", reasons));
    }

    private static Lookup lookup(String kubeconfig, String source, String context) {
        try {
            var server = Kubeconfigs.serverOf(kubeconfig, context);
            return new Lookup(server, "context '" + context + "' has no cluster server in " + source);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the offending line, which may be a token: say only where.
            var line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            return new Lookup(Optional.empty(), source + " is not valid YAML" + line);
        } catch (IOException e) {
            return new Lookup(Optional.empty(), source + " could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
