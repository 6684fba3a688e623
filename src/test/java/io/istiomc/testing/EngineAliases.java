package io.istiomc.testing;

import io.istiomc.components.RegisteredNames;
import io.istiomc.plan.Plan;
import io.istiomc.plan.RecordedResource;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The former URNs Pulumi's engine tries for each resource of a plan on the next {@code pulumi up},
 * as {@code pkg/resource/deploy/step_generator.go} derives them (pulumi/pulumi: {@code generateAliases},
 * {@code collapseAliasToUrn}, {@code inheritedChildAlias}): each alias spec of the resource made a URN
 * (its own name, type and parent where the spec leaves them out, no parent for {@code noParent} or the
 * root stack), and, where the parent was found under a former URN, the child's own name and type (and
 * each of its aliases) under that former parent, a name that starts with the parent's name renamed with
 * it. Every former URN is assumed to exist, as in a stack deployed before the change.
 *
 * <p>The SDK's mocks build URNs with the root stack's type in the type chain
 * ({@code pulumi:pulumi:Stack$...}); the engine leaves it out. URNs here are compared without it.
 */
public final class EngineAliases {
    private static final String STACK_TYPE = RegisteredNames.STACK;

    private final Map<String, RecordedResource> byUrn = new HashMap<>();
    private final Map<String, Set<String>> formerUrns = new HashMap<>();

    public EngineAliases(Plan plan) {
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
    }

    /** A URN as the engine spells it: without the root stack's type in the type chain. */
    public static String engineUrn(String urn) {
        return urn.replace("::" + STACK_TYPE + "$", "::");
    }

    /** The resource's URN and every former URN the engine looks it up by, engine-spelt. */
    public Set<String> claims(RecordedResource resource) {
        var claims = new LinkedHashSet<String>();
        claims.add(engineUrn(resource.urn()));
        claims.addAll(formerUrns(resource));
        return claims;
    }

    /** The former URNs the engine derives for a resource, engine-spelt. */
    public Set<String> formerUrns(RecordedResource resource) {
        var known = formerUrns.get(resource.urn());
        if (known != null) {
            return known;
        }
        var result = new LinkedHashSet<String>();
        var collapsed = resource.aliases().stream().map(alias -> collapse(resource, alias)).toList();
        result.addAll(collapsed);
        var parent = byUrn.get(resource.parentUrn());
        if (parent != null && !parent.type().equals(STACK_TYPE)) {
            for (var parentAlias : formerUrns(parent)) {
                result.add(inherited(resource.type(), resource.name(), parent.name(), parentAlias));
                for (var childAlias : collapsed) {
                    result.add(inherited(type(childAlias), name(childAlias), parent.name(), parentAlias));
                }
            }
        }
        formerUrns.put(resource.urn(), result);
        return result;
    }

    private String collapse(RecordedResource resource, RecordedResource.Alias alias) {
        if (!alias.urn().isEmpty()) {
            return engineUrn(alias.urn());
        }
        var name = alias.name().isEmpty() ? resource.name() : alias.name();
        var type = alias.type().isEmpty() ? resource.type() : alias.type();
        var parent = alias.parentUrn().isEmpty() ? resource.parentUrn() : alias.parentUrn();
        var parentResource = byUrn.get(parent);
        if (alias.noParent() || parentResource == null || parentResource.type().equals(STACK_TYPE)) {
            return prefix(resource.urn()) + type + "::" + name;
        }
        return prefix(resource.urn()) + qualifiedType(engineUrn(parent)) + "$" + type + "::" + name;
    }

    private static String inherited(String childType, String childName, String parentName, String parentAlias) {
        var aliasName = childName.startsWith(parentName)
                ? name(parentAlias) + childName.substring(parentName.length()) : childName;
        return prefix(parentAlias) + qualifiedType(parentAlias) + "$" + childType + "::" + aliasName;
    }

    /** {@code urn:pulumi:<stack>::<project>::}. */
    private static String prefix(String urn) {
        var parts = urn.split("::", 3);
        return parts[0] + "::" + parts[1] + "::";
    }

    private static String qualifiedType(String urn) {
        return urn.split("::")[2];
    }

    private static String type(String urn) {
        var qualified = qualifiedType(urn);
        return qualified.substring(qualified.lastIndexOf('$') + 1);
    }

    private static String name(String urn) {
        return urn.substring(urn.lastIndexOf("::") + 2);
    }

    /** Every resource's claims: its URN and former URNs. */
    public Map<String, Set<String>> allClaims(List<RecordedResource> resources) {
        var claims = new HashMap<String, Set<String>>();
        resources.forEach(r -> claims.put(r.urn(), claims(r)));
        return claims;
    }
}
