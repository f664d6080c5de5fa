package nl.amsterdameconomicboard.roadmaps.gateway;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The gateway does not start without its Keycloak client secret: a gateway that signed people in with the local
 * demo secret, or as a public client without one, would be a gateway anyone could impersonate. Only the local profile
 * (application-local.yaml) provides the demo realm's secret.
 */
@Configuration(proxyBeanMethods = false)
class ClientSecretRequired {

    static final String PROPERTY = "spring.security.oauth2.client.registration.keycloak.client-secret";

    ClientSecretRequired(Environment environment) {
        String secret = environment.getProperty(PROPERTY);
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("The gateway has no Keycloak client secret: set GATEWAY_CLIENT_SECRET (or " + PROPERTY
                    + "). The local demo secret is only in the 'local' profile (SPRING_PROFILES_ACTIVE=local), which ./platform up uses.");
        }
    }
}
