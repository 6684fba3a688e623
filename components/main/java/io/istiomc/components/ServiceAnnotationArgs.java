package io.istiomc.components;

import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One annotation of the east-west gateway Service (schema type {@code ServiceAnnotation}). The
 * annotations are a list of name and value rather than a map because pulumi-java 1.36.1's component
 * provider cannot deserialize a map input: it reads the values as {@code Object} and refuses them.
 */
public final class ServiceAnnotationArgs {
    /** The annotation's name, a Kubernetes qualified name, e.g. {@code service.beta.kubernetes.io/aws-load-balancer-type}. Required. */
    @Import(name = "name", required = true)
    private String name;

    /** Its value. Required. */
    @Import(name = "value", required = true)
    private String value;

    private ServiceAnnotationArgs() {
    }

    public static ServiceAnnotationArgs of(String name, String value) {
        if (name == null) {
            throw new MissingRequiredPropertyException("ServiceAnnotationArgs", "name");
        }
        if (value == null) {
            throw new MissingRequiredPropertyException("ServiceAnnotationArgs", "value");
        }
        var annotation = new ServiceAnnotationArgs();
        annotation.name = name;
        annotation.value = value;
        return annotation;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    /** A map's entries as annotations, in the map's order. */
    static List<ServiceAnnotationArgs> fromMap(Map<String, String> annotations) {
        var list = new ArrayList<ServiceAnnotationArgs>();
        annotations.forEach((k, v) -> list.add(of(k, v)));
        return list;
    }
}
