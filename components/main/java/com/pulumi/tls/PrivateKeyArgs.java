package com.pulumi.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Optional;

/** Inputs of {@link PrivateKey}. */
public final class PrivateKeyArgs extends ResourceArgs {
    /** Key algorithm: {@code RSA}, {@code ECDSA} or {@code ED25519}. Required. */
    @Import(name = "algorithm", required = true)
    private Output<String> algorithm;

    /** RSA key size in bits. Default (provider): 2048. */
    @Import(name = "rsaBits")
    private @Nullable Output<Integer> rsaBits;

    private PrivateKeyArgs() {
    }

    public Output<String> algorithm() {
        return algorithm;
    }

    public Optional<Output<Integer>> rsaBits() {
        return Optional.ofNullable(rsaBits);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final PrivateKeyArgs $ = new PrivateKeyArgs();

        public Builder algorithm(String algorithm) {
            $.algorithm = Output.of(algorithm);
            return this;
        }

        public Builder rsaBits(int rsaBits) {
            $.rsaBits = Output.of(rsaBits);
            return this;
        }

        public PrivateKeyArgs build() {
            if ($.algorithm == null) {
                throw new MissingRequiredPropertyException("PrivateKeyArgs", "algorithm");
            }
            return $;
        }
    }
}
