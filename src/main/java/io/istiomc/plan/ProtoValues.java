package io.istiomc.plan;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Turns the wire form of resource inputs into plain Java values, keeping secrets as {@link Secret}. */
final class ProtoValues {
    /** Pulumi's signature key and the signatures of a secret and an unknown value. */
    static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private ProtoValues() {
    }

    static Map<String, Object> fromStruct(Struct struct) {
        var map = new TreeMap<String, Object>();
        struct.getFieldsMap().forEach((k, v) -> map.put(k, fromValue(v)));
        return Collections.unmodifiableMap(map);
    }

    static Object fromValue(Value value) {
        switch (value.getKindCase()) {
            case NULL_VALUE:
            case KIND_NOT_SET:
                return null;
            case BOOL_VALUE:
                return value.getBoolValue();
            case NUMBER_VALUE: {
                var d = value.getNumberValue();
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    return (long) d;
                }
                return d;
            }
            case STRING_VALUE:
                return UNKNOWN.equals(value.getStringValue()) ? "[unknown]" : value.getStringValue();
            case LIST_VALUE: {
                var list = new ArrayList<Object>();
                value.getListValue().getValuesList().forEach(v -> list.add(fromValue(v)));
                return Collections.unmodifiableList(list);
            }
            case STRUCT_VALUE: {
                var fields = value.getStructValue().getFieldsMap();
                var sig = fields.get(SIG_KEY);
                if (sig != null && SECRET_SIG.equals(sig.getStringValue())) {
                    var inner = fields.get("value");
                    return new Secret(inner == null ? null : fromValue(inner));
                }
                var map = new LinkedHashMap<String, Object>();
                new TreeMap<>(fields).forEach((k, v) -> map.put(k, fromValue(v)));
                return Collections.unmodifiableMap(map);
            }
            default:
                throw new IllegalArgumentException("unsupported value kind " + value.getKindCase());
        }
    }
}
