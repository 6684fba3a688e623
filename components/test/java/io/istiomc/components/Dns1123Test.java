package io.istiomc.components;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kubernetes' DNS-1123 rules, one wording for the components and the config reader. */
class Dns1123Test {
    private static final String LABEL_RULE = "use at most 63 lowercase letters, digits and '-', starting and ending with"
            + " a letter or digit";

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"Cluster1", "cluster_1", "-cluster", "cluster-", "a.b", "", "x123456789012345678901234567890123456789012345678901234567890123"})
    @DisplayName("upper case, '_', '.', a leading or trailing '-', empty or over 63 characters is not a label")
    void notLabels(String value) {
        assertEquals(List.of(new Problem("name", "must be a DNS-1123 label (got '" + value + "'); " + LABEL_RULE)),
                Dns1123.checkLabel("name", value));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cluster1", "a", "1", "east-west-2", "x12345678901234567890123456789012345678901234567890123456789012"})
    @DisplayName("lowercase letters, digits and inner '-', up to 63 characters, make a label")
    void labels(String value) {
        assertEquals(List.of(), Dns1123.checkLabel("name", value));
    }

    @Test
    @DisplayName("requireLabel throws the same wording, naming the owner and the property")
    void requireLabel() {
        var e = assertThrows(IllegalArgumentException.class, () -> Dns1123.requireLabel("ClusterArgs", "network", "Net_2"));
        assertEquals("ClusterArgs: 'network' must be a DNS-1123 label (got 'Net_2'); " + LABEL_RULE, e.getMessage());
    }

    @Test
    @DisplayName("a host name is dot-separated labels of at most 253 characters, not an IPv4 address")
    void hostNames() {
        assertTrue(Dns1123.isHostName("api.cluster2.example"));
        assertTrue(Dns1123.isHostName("kubernetes"));
        assertTrue(Dns1123.isHostName("1a.example"));
        assertFalse(Dns1123.isHostName("203.0.113.20"));
        assertFalse(Dns1123.isHostName("api..example"));
        assertFalse(Dns1123.isHostName("a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62)));
        assertTrue(Dns1123.isHostName("a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61)));
    }
}
