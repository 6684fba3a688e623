package io.istiomc.components;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which gateway addresses other networks cannot dial: the east-west gateway's address goes into every meshNetworks. */
public final class GatewayAddresses {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private GatewayAddresses() {
    }

    /**
     * Why no other network can dial {@code address} (an IP literal or a DNS name, already checked to be
     * one), or empty when it may. Names are never looked up.
     */
    public static Optional<String> undialable(String address) {
        var lower = address.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost")) {
            return Optional.of("a name of the local host");
        }
        if (!IP_LITERAL.matcher(address).matches()) {
            return Optional.empty();
        }
        InetAddress ip;
        try {
            // Only digits, hex digits, '.' and ':' get here: InetAddress parses a literal without any lookup.
            ip = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        if (ip.isAnyLocalAddress()) {
            return Optional.of("the unspecified address, which means 'every local address'");
        }
        if (ip.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (ip.getAddress().length == 4 && (ip.getAddress()[0] & 0xff) == 255 && (ip.getAddress()[1] & 0xff) == 255
                && (ip.getAddress()[2] & 0xff) == 255 && (ip.getAddress()[3] & 0xff) == 255) {
            return Optional.of("the broadcast address");
        }
        return Optional.empty();
    }
}
