package nl.amsterdameconomicboard.roadmaps.gateway.limits;

import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

/** The gateway's limits on what callers send ({@link GatewayLimits}): body size and request rates. */
@Configuration
@EnableConfigurationProperties(GatewayLimits.class)
class LimitsConfiguration {

    @Bean
    BodySizeLimit bodySizeLimit(GatewayLimits limits) {
        return new BodySizeLimit(limits.maxBody().toBytes(), limits.maxImportBody().toBytes());
    }

    /**
     * @param trustedProxies the proxies whose X-Forwarded-For is believed; the same pattern the gateway uses for the
     *                       X-Forwarded-* headers it passes on
     * @param jwkSetUri      the realm's keys, to tell a real user's token from a made-up one
     */
    @Bean
    RateLimit rateLimit(GatewayLimits limits, @Value("${spring.cloud.gateway.server.webflux.trusted-proxies}") String trustedProxies,
                        @Value("${spring.security.oauth2.client.provider.keycloak.jwk-set-uri}") String jwkSetUri) {
        GatewayLimits.Rate rate = limits.rate();
        return new RateLimit(rate, new ClientAddress(Pattern.compile(trustedProxies)),
                NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build(),
                new TokenBuckets(rate.readsPerSecond(), rate.readBurst(), System::nanoTime),
                new TokenBuckets(rate.writesPerSecond(), rate.writeBurst(), System::nanoTime));
    }
}
