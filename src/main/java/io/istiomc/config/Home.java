package io.istiomc.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The home directory as kubectl finds it: client-go's {@code homedir.HomeDir()} reads {@code $HOME} on
 * Linux and macOS, so its default kubeconfig ({@code clientcmd.RecommendedHomeFile}) is
 * {@code $HOME/.kube/config}; the same home serves {@code ~/} in a kubeconfig path. Java's
 * {@code user.home} (the passwd entry) may be another directory. Where {@code HOME} is unset or empty this falls back to {@code user.home}
 * (kubectl would then look for {@code .kube/config} under the working directory).
 */
public final class Home {
    private Home() {
    }

    /** The home directory for {@code env} (the process environment), else {@code userHome}. */
    public static Path directory(Map<String, String> env, String userHome) {
        var home = env.get("HOME");
        return Path.of(home == null || home.isEmpty() ? userHome : home);
    }

    /** The home directory of this process. */
    public static Path directory() {
        return directory(System.getenv(), System.getProperty("user.home"));
    }
}
