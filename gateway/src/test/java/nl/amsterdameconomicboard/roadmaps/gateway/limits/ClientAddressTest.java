package nl.amsterdameconomicboard.roadmaps.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressTest {

    private final ClientAddress addresses = new ClientAddress(Pattern.compile("10\\.0\\.0\\.\\d+"));

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItForwards() {
        assertThat(addresses.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheLastAddressTheyDidNotAddThemselves() {
        // the client claimed 198.51.100.1; the load balancer (10.0.0.2) appended what it saw: 203.0.113.7
        assertThat(addresses.of(from("10.0.0.5", "198.51.100.1, 203.0.113.7, 10.0.0.2"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.0.0.5", null))).isEqualTo("10.0.0.5");
    }

    @Test
    void anIpv6ClientCountsByItsNetwork() {
        assertThat(addresses.of(from("2001:db8:1:2:aaaa::1", null))).isEqualTo(addresses.of(from("2001:db8:1:2:bbbb::9", null)))
                .isEqualTo("2001:0db8:0001:0002::/64");
        assertThat(addresses.of(from("2001:db8:1:3::1", null))).isNotEqualTo("2001:0db8:0001:0002::/64");
    }

    private static MockServerHttpRequest from(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/circular")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.build();
    }
}
