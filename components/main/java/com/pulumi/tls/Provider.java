package com.pulumi.tls;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;

/**
 * An explicit pulumi-tls provider. The provider needs no settings for what the mesh does; it is
 * declared so that no resource of the mesh runs on a default provider.
 */
public class Provider extends ProviderResource {
    public Provider(String name, @Nullable CustomResourceOptions options) {
        super("tls", name, ResourceArgs.Empty, Utilities.withVersion(options));
    }
}
