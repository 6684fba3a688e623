package com.pulumi.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.List;

/**
 * The inputs pulumi-tls's two certificates ({@link SelfSignedCert}, {@link LocallySignedCert}) share,
 * under the provider's property names. A resource's args are sent from every {@code @Import} field of
 * the class and of its superclasses (pulumi-java 1.36.1's {@code ImportMetadata.of} reads them through
 * {@code Reflection.allFields}, which walks up), so each certificate's args declare only their own.
 */
public abstract class CertificateArgs extends ResourceArgs {
    @Import(name = "validityPeriodHours", required = true)
    private Output<Integer> validityPeriodHours;

    /** Key usages in the provider's spelling ({@code cert_signing}, {@code crl_signing}, ...). */
    @Import(name = "allowedUses", required = true)
    private Output<List<String>> allowedUses;

    @Import(name = "isCaCertificate")
    private @Nullable Output<Boolean> isCaCertificate;

    @Import(name = "maxPathLength")
    private @Nullable Output<Integer> maxPathLength;

    @Import(name = "setSubjectKeyId")
    private @Nullable Output<Boolean> setSubjectKeyId;

    CertificateArgs() {
    }

    /** The setters of the shared inputs, returning the certificate's own builder. */
    public abstract static class Builder<B extends Builder<B, A>, A extends CertificateArgs> {
        /** The args being built, as the certificate's own builder sets its inputs. */
        protected final A $;
        private final CertificateArgs shared;

        Builder(A args) {
            this.$ = args;
            this.shared = args;
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        public B validityPeriodHours(int hours) {
            shared.validityPeriodHours = Output.of(hours);
            return self();
        }

        public B allowedUses(List<String> allowedUses) {
            shared.allowedUses = Output.of(List.copyOf(allowedUses));
            return self();
        }

        public B isCaCertificate(boolean isCa) {
            shared.isCaCertificate = Output.of(isCa);
            return self();
        }

        public B maxPathLength(int maxPathLength) {
            shared.maxPathLength = Output.of(maxPathLength);
            return self();
        }

        public B setSubjectKeyId(boolean set) {
            shared.setSubjectKeyId = Output.of(set);
            return self();
        }

        /** The args once the shared required inputs are there, named after {@code argsName} otherwise. */
        A checked(String argsName) {
            require(shared.validityPeriodHours, argsName, "validityPeriodHours");
            require(shared.allowedUses, argsName, "allowedUses");
            return $;
        }

        static void require(@Nullable Object value, String argsName, String field) {
            if (value == null) {
                throw new MissingRequiredPropertyException(argsName, field);
            }
        }
    }
}
