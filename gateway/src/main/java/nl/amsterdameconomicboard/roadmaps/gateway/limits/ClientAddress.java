package nl.amsterdameconomicboard.roadmaps.gateway.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.netty.http.server.ConnectionInformation;

/**
 * The address a request comes from, as the rate limits count it. The peer of the connection, unless that peer is a
 * trusted proxy (the pattern of {@code spring.cloud.gateway.server.webflux.trusted-proxies}, e.g. the load balancer's
 * addresses): then X-Forwarded-For is read from the right, past the trusted proxies, to the first address that is not
 * one, since only the entries the trusted proxies appended can be believed. An IPv6 client counts by its /64
 * network, which one subscriber usually has whole.
 */
final class ClientAddress {

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final Pattern trustedProxies;

    ClientAddress(Pattern trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    String of(ServerHttpRequest request) {
        String peer = host(connectionPeer(request));
        if (peer == null) {
            return "unknown";
        }
        if (!trusted(peer)) {
            return network(peer);
        }
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i).strip();
            if (!hop.isEmpty() && !trusted(hop)) {
                return network(hop);
            }
        }
        return network(forwarded.isEmpty() ? peer : forwarded.get(0).strip());
    }

    private boolean trusted(String address) {
        return trustedProxies.matcher(address).matches();
    }

    /** The TCP peer, not what forwarded headers made of it (the gateway's Netty applies them for trusted proxies). */
    private static SocketAddress connectionPeer(ServerHttpRequest request) {
        try {
            Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
            if (nativeRequest instanceof ConnectionInformation connection && connection.connectionRemoteAddress() != null) {
                return connection.connectionRemoteAddress();
            }
        } catch (IllegalStateException noServer) {
            // a request without a server behind it (tests): its remote address is all there is
        }
        return request.getRemoteAddress();
    }

    private static String host(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return null;
    }

    private static String network(String address) {
        String literal = address.replaceAll("^\\[|]$", "");
        if (!IPV6_LITERAL.matcher(literal).matches()) {
            return address; // IPv4, or something no proxy of ours wrote: counted as it is, never looked up
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                return String.format("%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64", bytes[0], bytes[1], bytes[2], bytes[3],
                        bytes[4], bytes[5], bytes[6], bytes[7]);
            }
            return parsed.getHostAddress();
        } catch (java.net.UnknownHostException | SecurityException e) {
            return address;
        }
    }
}
