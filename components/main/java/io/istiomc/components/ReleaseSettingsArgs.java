package io.istiomc.components;

import com.pulumi.core.annotations.Import;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a user adds to the Helm values of a cluster's Istio releases (schema type
 * {@code ReleaseSettings}), as {@code istio.releaseSettings} gives it for every cluster and a
 * cluster's {@code releaseSettings} for that cluster, merged over the mesh's
 * ({@link ClusterArgs#releaseOverrides}). Every field is optional. The builder only assembles;
 * {@link #check()} holds the rules, {@link #overrides()} the settings as the releases take them.
 * Like every args class it declares no field but its inputs: the SDK's schema inference takes every
 * declared field, static ones too, as an input.
 */
public final class ReleaseSettingsArgs {
    /**
     * Helm values by chart ({@code base}, {@code istiod}, {@code gateway}) as a JSON object in a string,
     * e.g. {@code {"istiod": {"autoscaleMin": 2}}}: pulumi-java 1.36.1 cannot deserialize a map input.
     * A cluster's values merge over the mesh's. A value the mesh sets, or a key the pinned chart does
     * not have, is refused ({@link ReleaseOverrides#checkValues}); values under a key that looks like a
     * credential become secrets. Default: none.
     */
    @Import(name = "values")
    private @Nullable String values;

    /**
     * The image registry of istiod and of every proxy it injects ({@code global.hub}). Refused on a
     * remote cluster: its proxies are injected by its primary. Default: the chart's.
     */
    @Import(name = "hub")
    private @Nullable String hub;

    /**
     * The image tag of istiod and of every proxy it injects ({@code global.tag}). Refused on a remote
     * cluster: its proxies are injected by its primary. Default: the chart's.
     */
    @Import(name = "tag")
    private @Nullable String tag;

    /**
     * Names of Secrets holding the registry's credentials; they must already exist in
     * {@code istio-system}. A cluster's list replaces the mesh's. Default: none.
     */
    @Import(name = "imagePullSecrets")
    private @Nullable List<String> imagePullSecrets;

    /**
     * Istio's DNS proxying ({@code ISTIO_META_DNS_CAPTURE}, {@code ISTIO_META_DNS_AUTO_ALLOCATE}).
     * Refused on a remote cluster: its proxies are injected by its primary. Default: off.
     */
    @Import(name = "dnsProxying")
    private @Nullable Boolean dnsProxying;

    private ReleaseSettingsArgs() {
    }

    /** No settings: the releases get the mesh's values over the charts' defaults. */
    public static ReleaseSettingsArgs none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The settings as the releases take them; call once {@link #check()} found no problem. */
    public ReleaseOverrides overrides() {
        return new ReleaseOverrides(values == null ? Map.of() : ReleaseOverrides.byChart(values),
                Optional.ofNullable(hub), Optional.ofNullable(tag), Optional.ofNullable(imagePullSecrets),
                Optional.ofNullable(dnsProxying));
    }

    /**
     * Every rule of the settings, whatever the cluster: values that parse and that the charts take,
     * an image registry, an image tag, Secret names.
     *
     * @return problems named by property ({@code values.istiod.pilot.replicaCountt}, {@code hub}, ...)
     */
    public List<Problem> check() {
        var problems = new ArrayList<Problem>();
        if (values != null) {
            problems.addAll(ReleaseOverrides.checkValuesJson(values));
        }
        problems.addAll(ReleaseOverrides.checkTyped(Optional.ofNullable(hub), Optional.ofNullable(tag),
                Optional.ofNullable(imagePullSecrets)));
        return problems;
    }

    /** The rule for a remote's own settings ({@link ReleaseOverrides#checkOnRemote}), named by property. */
    public List<Problem> checkOnRemote(String primary) {
        return ReleaseOverrides.checkOnRemote(Optional.ofNullable(hub), Optional.ofNullable(tag),
                Optional.ofNullable(dnsProxying), primary);
    }

    public static final class Builder {
        private final ReleaseSettingsArgs settings = new ReleaseSettingsArgs();

        /** Helm values by chart, as a JSON object's text ({@link ReleaseOverrides#valuesJson}). */
        public Builder values(@Nullable String valuesJson) {
            settings.values = valuesJson;
            return this;
        }

        public Builder hub(@Nullable String hub) {
            settings.hub = hub;
            return this;
        }

        public Builder tag(@Nullable String tag) {
            settings.tag = tag;
            return this;
        }

        public Builder imagePullSecrets(@Nullable List<String> imagePullSecrets) {
            settings.imagePullSecrets = imagePullSecrets == null ? null : List.copyOf(imagePullSecrets);
            return this;
        }

        public Builder dnsProxying(@Nullable Boolean dnsProxying) {
            settings.dnsProxying = dnsProxying;
            return this;
        }

        /** The settings as given; {@link #check()} checks them. */
        public ReleaseSettingsArgs build() {
            return settings;
        }
    }
}
