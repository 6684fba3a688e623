package io.istiomc.components;

import com.pulumi.core.Output;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helm's merge of values files, and the walks the checks share. */
class HelmValuesTest {
    @Test
    @DisplayName("maps merge key by key; lists and scalars replace")
    void mapsMergeListsAndScalarsReplace() {
        // given
        var lower = Map.of("a", Map.of("b", 1, "c", List.of(1, 2)), "d", "x");
        var upper = Map.of("a", Map.of("c", List.of(3)), "d", "y");
        // when
        var merged = HelmValues.merge(lower, upper);
        // then
        assertEquals(Map.of("a", Map.of("b", 1, "c", List.of(3)), "d", "y"), merged);
    }

    @Test
    @DisplayName("a null removes the key and what the values below it had there")
    void nullRemoves() {
        var upper = new HashMap<String, Object>();
        upper.put("b", null);
        var nested = new HashMap<String, Object>();
        nested.put("e", null);
        nested.put("f", 1);
        upper.put("d", nested);
        var merged = HelmValues.merge(Map.of("a", Map.of("b", 1, "c", 2)), Map.of("a", upper));
        assertEquals(Map.of("a", Map.of("c", 2, "d", Map.of("f", 1))), merged);
    }

    @Test
    @DisplayName("numbers become what the Pulumi Java SDK serializes: Integer where whole and small enough, else Double")
    void numbers() {
        var merged = HelmValues.merge(Map.of(), Map.of("a", 3L, "b", 1L << 40, "c", 1.5f, "d", 2, "e", 0.5));
        assertEquals(Map.of("a", 3, "b", (double) (1L << 40), "c", 1.5, "d", 2, "e", 0.5), merged);
    }

    @Test
    @DisplayName("a map replaces a scalar and a scalar a map, as Helm's values files do")
    void differentKindsReplace() {
        assertEquals(Map.of("a", Map.of("b", 1)), HelmValues.merge(Map.of("a", "x"), Map.of("a", Map.of("b", 1))));
        assertEquals(Map.of("a", "x"), HelmValues.merge(Map.of("a", Map.of("b", 1)), Map.of("a", "x")));
    }

    @Test
    @DisplayName("layers merge in order, the last winning, and no layer is changed")
    void layersInOrder() {
        var first = new LinkedHashMap<String, Object>(Map.of("a", new LinkedHashMap<>(Map.of("b", 1))));
        var merged = HelmValues.mergeAll(first, Map.of("a", Map.of("b", 2)), Map.of("a", Map.of("b", 3, "c", 4)));
        assertEquals(Map.of("a", Map.of("b", 3, "c", 4)), merged);
        assertEquals(Map.of("a", Map.of("b", 1)), first);
    }

    @Test
    @DisplayName("leaves are visited by dotted path: scalars, lists, nulls and empty maps")
    void leaves() {
        var values = new LinkedHashMap<String, Object>();
        values.put("a", Map.of("b", 1));
        values.put("c", List.of(Map.of("d", 1)));
        values.put("e", Map.of());
        values.put("f", null);
        var seen = new LinkedHashMap<String, Object>();
        HelmValues.forEachLeaf(values, seen::put);
        assertEquals(List.of("a.b", "c", "e", "f"), List.copyOf(seen.keySet()));
    }

    @Test
    @DisplayName("a key naming a password, token or key is a credential's; others, and Kubernetes' own key fields, are not")
    void credentialKeys() {
        for (var key : List.of("password", "adminPassword", "accessToken", "TOKEN", "apiKey", "privateKeyProvider")) {
            assertTrue(HelmValues.looksLikeCredential(key), key);
        }
        for (var key : List.of("replicaCount", "hub", "keepaliveMaxServerConnectionAge", "passwd", "key", "topologyKey",
                "matchLabelKeys")) {
            assertFalse(HelmValues.looksLikeCredential(key), key);
        }
    }

    @Test
    @DisplayName("values under credential keys become secrets, in maps and lists; the rest stays plain")
    void credentialsBecomeSecrets() {
        var values = Map.<String, Object>of("tracer", Map.of("lightstep", Map.of("accessToken", "t0k", "address", "ls:443")),
                "items", List.of(Map.of("password", "pw")), "replicaCount", 2);
        var result = HelmValues.withCredentialsAsSecrets(values);
        @SuppressWarnings("unchecked")
        var lightstep = (Map<String, Object>) ((Map<String, Object>) result.get("tracer")).get("lightstep");
        assertInstanceOf(Output.class, lightstep.get("accessToken"));
        assertEquals("ls:443", lightstep.get("address"));
        assertInstanceOf(Output.class, ((Map<?, ?>) ((List<?>) result.get("items")).get(0)).get("password"));
        assertEquals(2, result.get("replicaCount"));
    }
}
