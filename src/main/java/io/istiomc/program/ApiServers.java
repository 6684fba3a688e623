package io.istiomc.program;

import io.istiomc.program.Kubeconfigs;
import io.istiomc.components.Urls;
import io.istiomc.config.YamlInput;
import io.istiomc.components.RemoteSecretKubeconfig;
import io.istiomc.components.ApiEndpoint;
import io.istiomc.config.ConfigProblem;
import io.istiomc.config.Home;
import io.istiomc.config.MeshConfigReader;
import io.istiomc.config.InvalidConfigException;
import io.istiomc.config.StackConfig;
import io.istiomc.components.MeshArgs;
import io.istiomc.components.MeshClusterArgs;
import io.istiomc.components.MeshTopology;
import io.istiomc.config.OfflinePlaceholders;
import io.istiomc.config.RawConfig;

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
     * Resolves the API server of every cluster some primary watches, by cluster name, and checks every cluster's context against its kubeconfig
     * (a file, the content inline, or the merged files of {@code $KUBECONFIG}) as the deployment's
     * providers will read it.
     *
     * @param defaultKubeconfigs the kubeconfig files merged, in order, where a cluster names none ({@code $KUBECONFIG} or {@code ~/.kube/config})
     * @param warnings          receives warnings (e.g. a loopback server another cluster cannot reach, or a
     *                          plan that cannot check a context because no kubeconfig is at hand)
     * @throws InvalidConfigException when a kubeconfig cannot be read, lacks a cluster's context or its
     *                          cluster entry; in {@link Mode#DEPLOY} also when a server cannot be found
     */
    public static Map<String, ApiServer> resolve(StackConfig config, Mode mode, List<Path> defaultKubeconfigs,
                                                 List<String> warnings) {
        return resolve(config, mode, defaultKubeconfigs, warnings, new LinkedHashMap<>());
    }

    /**
     * As {@link #resolve(StackConfig, Mode, List, List)}, also handing out the kubeconfig each
     * cluster's provider reads, by cluster name (a cluster with none at hand, or its content
     * encrypted in the stack file, is left out), for a command that connects with them.
     */
    public static Map<String, ApiServer> resolve(StackConfig config, Mode mode, List<Path> defaultKubeconfigs,
                                                 List<String> warnings, Map<String, Kubeconfigs.Kubeconfig> kubeconfigs) {
        var result = new LinkedHashMap<String, ApiServer>();
        var problems = new ArrayList<ConfigProblem>();
        var defaults = new DefaultKubeconfig(defaultKubeconfigs);
        var topology = MeshTopology.of(config.mesh());
        var clusters = topology.clusters();
        for (int i = 0; i < clusters.size(); i++) {
            var cluster = new Cluster(clusters.get(i), config.kubeconfig(i));
            var key = StackConfig.NAMESPACE + ":clusters[" + i + "]";
            int problemsBefore = problems.size();
            var lookup = contextLookup(cluster, key, defaults, problems, kubeconfigs);
            if (problems.size() > problemsBefore) {
                continue;
            }
            boolean watched = topology.watched(cluster.args());
            if (lookup.isEmpty()) {
                if (mode == Mode.PLAN) {
                    warnings.add(key + ".context: " + unchecked(cluster, defaults)
                            + (watched && cluster.apiServer().isEmpty() ? ", and simulates its API server" : ""));
                }
            } else if (lookup.get().outcome() == Kubeconfigs.Outcome.NO_CONTEXT) {
                problems.add(new ConfigProblem(key + ".context", "'" + cluster.context() + "' is not a context in "
                        + source(cluster, key, defaults) + "; the deployment could not reach this cluster"));
                continue;
            } else if (lookup.get().outcome() == Kubeconfigs.Outcome.NO_CLUSTER) {
                problems.add(new ConfigProblem(key + ".context", "'" + cluster.context() + "' names cluster '"
                        + lookup.get().cluster().orElse("") + "', which is not in " + source(cluster, key, defaults)
                        + "; the deployment could not reach this cluster"));
                continue;
            }
            if (!watched) {
                continue;
            }
            ApiServer server;
            if (cluster.apiServer().isPresent()) {
                server = new ApiServer(cluster.apiServer().get(), cluster.tlsServerName(), "config");
            } else if (lookup.isPresent() && lookup.get().server().isPresent()) {
                // The same rule as for clusters[].apiServer: the primaries dial this URL with the reader token.
                var serverProblems = RemoteSecretKubeconfig.checkServer(lookup.get().server().get());
                if (!serverProblems.isEmpty()) {
                    serverProblems.forEach(p -> problems.add(new ConfigProblem(key + ".apiServer", "is not set, and the"
                            + " server of context '" + cluster.context() + "' in " + source(cluster, key, defaults) + " "
                            + p.message() + "; set apiServer to the URL at which the primary clusters reach this API server")));
                    continue;
                }
                server = new ApiServer(lookup.get().server().get(), cluster.tlsServerName(), "kubeconfig");
            } else if (mode == Mode.PLAN && lookup.isEmpty()) {
                server = new ApiServer("https://api." + cluster.name() + ".example:6443", cluster.tlsServerName(),
                        "simulated");
            } else {
                var reason = lookup.isEmpty() ? "no kubeconfig file was found"
                        + (defaultKubeconfigs.isEmpty() ? "" : " at " + defaultKubeconfigs)
                        : "the cluster of context '" + cluster.context() + "' has no server in " + source(cluster, key, defaults);
                problems.add(new ConfigProblem(key + ".apiServer", "is not set, and " + reason
                        + "; set it to the URL at which the primary clusters reach this API server"));
                continue;
            }
            if (RemoteSecretKubeconfig.isLoopback(server.url())) {
                var watchers = topology.watchersOf(cluster.args()).stream().map(MeshClusterArgs::name).toList();
                warnings.add(key + ".apiServer: '" + Urls.withoutCredentials(server.url()) + "' is a loopback address; istiod in cluster"
                        + (watchers.size() == 1 ? " '" : "s '") + String.join("', '", watchers)
                        + "' cannot reach it. Set apiServer to an address reachable from there.");
            }
            result.put(cluster.name(), server);
        }
        if (problems.isEmpty()) {
            problems.addAll(sameClusterTwice(java.util.stream.IntStream.range(0, clusters.size())
                    .mapToObj(i -> new Cluster(clusters.get(i), config.kubeconfig(i))).toList(), defaults));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return result;
    }

    /** The args with every watched cluster's API server as resolved, the one place the library takes it from. */
    public static MeshArgs withApiServers(MeshArgs mesh, Map<String, ApiServer> apiServers) {
        var clusters = mesh.clusters().stream().map(cluster -> {
            var server = apiServers.get(cluster.name());
            return server == null ? cluster : cluster.toBuilder().apiServer(server.url())
                    .tlsServerName(server.tlsServerName().orElse(null)).build();
        }).toList();
        return mesh.toBuilder().clusters(clusters).build();
    }

    /** A cluster as read from the stack config: its args and where its kubeconfig comes from. */
    private record Cluster(MeshClusterArgs args, Optional<StackConfig.Kubeconfig> kubeconfig) {
        String name() {
            return args.name();
        }

        String context() {
            return args.context();
        }

        Optional<String> apiServer() {
            return args.apiServer();
        }

        Optional<String> tlsServerName() {
            return args.tlsServerName();
        }
    }

    /**
     * A cluster that takes its context from the default kubeconfig files and another that names the same
     * file (by its real path: another spelling or a symbolic link is the same file) with the same context
     * are one cluster. Pairs of named files, and of default lookups, are the reader's to compare.
     */
    private static List<ConfigProblem> sameClusterTwice(List<Cluster> clusters, DefaultKubeconfig defaults) {
        var problems = new ArrayList<ConfigProblem>();
        var first = new java.util.HashMap<String, Integer>();
        for (int i = 0; i < clusters.size(); i++) {
            var cluster = clusters.get(i);
            // The reader stores a named file by its real path; a default file is resolved the same way here.
            Optional<String> file = cluster.kubeconfig().isPresent()
                    ? cluster.kubeconfig().filter(k -> !k.inline()).map(StackConfig.Kubeconfig::value)
                    : defaults.fileDefining(cluster.context());
            if (file.isEmpty()) {
                continue;
            }
            var owner = first.putIfAbsent(file.get() + "\n" + cluster.context(), i);
            if (owner != null && clusters.get(owner).kubeconfig().isPresent() != cluster.kubeconfig().isPresent()) {
                problems.add(new ConfigProblem(StackConfig.NAMESPACE + ":clusters[" + i + "].context",
                        MeshConfigReader.sharedContext(cluster.context(), clusters.get(owner).name())));
            }
        }
        return problems;
    }

    /**
     * The kubeconfig files a plain {@code kubectl} would use: every file of {@code $KUBECONFIG}, in
     * order, else {@code ~/.kube/config}.
     */
    public static List<Path> defaultKubeconfigs() {
        return defaultKubeconfigs(System.getenv(), Home.directory());
    }

    /** As {@link #defaultKubeconfigs()}, for an environment and a home directory ({@link Home}). */
    public static List<Path> defaultKubeconfigs(Map<String, String> env, Path home) {
        var kubeconfig = env.get("KUBECONFIG");
        if (kubeconfig != null && !kubeconfig.isBlank()) {
            return java.util.Arrays.stream(kubeconfig.split(java.io.File.pathSeparator)).filter(p -> !p.isBlank()).map(Path::of).toList();
        }
        return List.of(home.resolve(".kube").resolve("config"));
    }

    /**
     * Where the cluster's context leads in its kubeconfig; empty when there is none to read (no
     * kubeconfig key and no default file, or content encrypted in the stack file, offline). A kubeconfig
     * that cannot be read is a problem on the key that chose it.
     */
    private static Optional<Kubeconfigs.Lookup> contextLookup(Cluster cluster, String key,
                                                               DefaultKubeconfig defaults, List<ConfigProblem> problems,
                                                               Map<String, Kubeconfigs.Kubeconfig> kubeconfigs) {
        if (OfflinePlaceholders.isPlaceholderContext(cluster.context())) {
            // The stack file encrypts the context: no kubeconfig is read for a name it cannot hold.
            return Optional.empty();
        }
        try {
            var kubeconfig = kubeconfigOf(cluster, defaults);
            kubeconfig.ifPresent(k -> kubeconfigs.put(cluster.name(), k));
            return kubeconfig.map(k -> Kubeconfigs.lookup(k, cluster.context()));
        } catch (IOException e) {
            problems.add(unreadableProblem(cluster, key, e));
            return Optional.empty();
        }
    }

    /** The kubeconfig a cluster's provider reads; empty when there is none to read. */
    private static Optional<Kubeconfigs.Kubeconfig> kubeconfigOf(Cluster cluster, DefaultKubeconfig defaults)
            throws IOException {
        if (cluster.kubeconfig().isPresent() && cluster.kubeconfig().get().inline()) {
            if (cluster.kubeconfig().get().value().equals(RawConfig.ENCRYPTED)) {
                return Optional.empty();
            }
            return Optional.of(Kubeconfigs.parse(cluster.kubeconfig().get().value(), "the inline kubeconfig"));
        } else if (cluster.kubeconfig().isPresent()) {
            return Optional.of(Kubeconfigs.readFile(Path.of(cluster.kubeconfig().get().value()), "the file"));
        }
        return defaults.read();
    }

    private static ConfigProblem unreadableProblem(Cluster cluster, String key, IOException e) {
        var chosenBy = cluster.kubeconfig().isPresent() ? key + ".kubeconfig" : key + ".context";
        var message = e instanceof YamlInput.RejectedInputException ? e.getMessage()
                : "names a kubeconfig that could not be read (" + unreadable(e) + ")";
        return new ConfigProblem(chosenBy, message);
    }

    /** Why a file could not be read, without the file system's message (which may quote a path given as content). */
    private static String unreadable(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
    }

    private static String source(Cluster cluster, String key, DefaultKubeconfig defaults) {
        if (cluster.kubeconfig().isPresent()) {
            return cluster.kubeconfig().get().inline() ? "the inline kubeconfig of " + key + ".kubeconfig"
                    : "the file " + key + ".kubeconfig names";
        }
        return defaults.describe();
    }

    private static String unchecked(Cluster cluster, DefaultKubeconfig defaults) {
        if (OfflinePlaceholders.isPlaceholderContext(cluster.context())) {
            return "the context is encrypted in the stack file; the plan cannot check that it exists";
        }
        if (cluster.kubeconfig().isPresent()) {
            return "the kubeconfig is encrypted in the stack file; the plan cannot check that context '"
                    + cluster.context() + "' exists";
        }
        return "no kubeconfig is at hand (" + defaults.missing() + "); the plan cannot check that context '"
                + cluster.context() + "' exists";
    }

    /** The default kubeconfig files, read and merged once for every cluster that names no kubeconfig. */
    private static final class DefaultKubeconfig {
        private final List<Path> files;
        private Optional<Kubeconfigs.Kubeconfig> merged;
        private IOException failure;
        private final Map<Path, Kubeconfigs.Kubeconfig> perFile = new LinkedHashMap<>();

        DefaultKubeconfig(List<Path> files) {
            this.files = files;
        }

        /** The merged files (kubectl skips files that do not exist), or empty when none exists. */
        Optional<Kubeconfigs.Kubeconfig> read() throws IOException {
            if (failure != null) {
                throw failure;
            }
            if (merged == null) {
                try {
                    var existing = files.stream().filter(Files::exists).toList();
                    var read = new ArrayList<Kubeconfigs.Kubeconfig>();
                    for (var file : existing) {
                        try {
                            read.add(Kubeconfigs.readFile(file, "kubeconfig file '" + file.toString() + "'"));
                        } catch (YamlInput.RejectedInputException e) {
                            throw e;
                        } catch (IOException e) {
                            throw new YamlInput.RejectedInputException("kubeconfig file '" + file.toString()
                                    + "' could not be read (" + unreadable(e) + ")");
                        }
                    }
                    merged = existing.isEmpty() ? Optional.empty() : Optional.of(Kubeconfigs.merge(read));
                    for (int i = 0; i < existing.size(); i++) {
                        perFile.put(existing.get(i), read.get(i));
                    }
                } catch (IOException e) {
                    failure = e;
                    throw e;
                }
            }
            return merged;
        }

        /**
         * The real path of the first default file that defines {@code context} (kubectl's merge takes a
         * context from the first file naming it); empty when none does or the files cannot be read.
         */
        Optional<String> fileDefining(String context) {
            try {
                read();
            } catch (IOException e) {
                return Optional.empty();
            }
            for (var entry : perFile.entrySet()) {
                if (entry.getValue().contexts().containsKey(context)) {
                    try {
                        return Optional.of(entry.getKey().toRealPath().toString());
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }

        String describe() {
            if (files.size() == 1) {
                return "kubeconfig file '" + files.get(0) + "'";
            }
            return "the merged kubeconfig files " + files.stream().map(f -> "'" + f + "'")
                    .collect(java.util.stream.Collectors.joining(", "));
        }

        /** Why none is at hand. */
        String missing() {
            if (files.isEmpty()) {
                return "none was given";
            }
            return describe() + (files.size() == 1 ? " does not exist" : " do not exist");
        }
    }
}
