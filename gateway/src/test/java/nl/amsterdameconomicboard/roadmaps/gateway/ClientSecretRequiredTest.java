package nl.amsterdameconomicboard.roadmaps.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo client secret exists only in the local profile; anywhere else the gateway needs one given, or does not start. */
class ClientSecretRequiredTest {

    @Test
    void theGatewayDoesNotStartWithoutAClientSecretOutsideTheLocalProfile() {
        assertThatThrownBy(() -> gateway(WebApplicationType.REACTIVE).run().close())
                .hasStackTraceContaining("GATEWAY_CLIENT_SECRET")
                .hasStackTraceContaining("'local' profile");
    }

    @Test
    void aGivenSecretIsUsedAndTheLocalProfileHasTheDemoOne() {
        try (ConfigurableApplicationContext context = gateway(WebApplicationType.REACTIVE).properties("GATEWAY_CLIENT_SECRET=from-the-vault").run()) {
            assertThat(context.getEnvironment().getProperty(ClientSecretRequired.PROPERTY)).isEqualTo("from-the-vault");
        }
        try (ConfigurableApplicationContext context = gateway(WebApplicationType.REACTIVE).profiles("local").run()) {
            assertThat(context.getEnvironment().getProperty(ClientSecretRequired.PROPERTY)).isEqualTo("local-demo-gateway-secret");
        }
    }

    private static SpringApplicationBuilder gateway(WebApplicationType type) {
        return new SpringApplicationBuilder(GatewayApplication.class).web(type)
                .properties("server.port=0", "KEYCLOAK_URL=http://127.0.0.1:9", "management.server.port=");
    }
}
