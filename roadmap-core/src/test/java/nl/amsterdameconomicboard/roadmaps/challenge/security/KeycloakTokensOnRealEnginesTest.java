package nl.amsterdameconomicboard.roadmaps.challenge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.Milestones;
import nl.amsterdameconomicboard.roadmaps.challenge.test.TestTokens;
import nl.amsterdameconomicboard.roadmaps.support.test.OnRealEngines;
import nl.amsterdameconomicboard.roadmaps.support.test.RealEngines;
import nl.amsterdameconomicboard.roadmaps.support.test.TestEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A challenge service checking the tokens that the platform's realm really issues, in Keycloak in a container
 * (the other tests sign tokens of the same shape themselves): a demo user's token from the password grant carries
 * the realm roles, the user name and the partner's organisation the service decides on; a token of the realm that
 * is not for the platform's API, one of another realm and one not signed by the realm are refused.
 */
@SpringBootTest(properties = {
        "spring.config.import=classpath:challenge-service-defaults.yaml",
        "roadmap.challenge.code=circular",
        "roadmap.challenge.seed=classpath:seed/test-roadmap.json",
        "spring.mongodb.database=keycloak-tokens"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestEngines.class)
@OnRealEngines
class KeycloakTokensOnRealEnginesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void realm(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", RealEngines::realmIssuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> RealEngines.realmIssuer() + "/protocol/openid-connect/certs");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Milestones milestones;

    @Test
    void anEditorsTokenChangesItsOwnChallengeAndTheHistoryNamesTheEditor() throws Exception {
        mvc.perform(changeStatus("heat-2017", "ON_TRACK", "Eight business cases signed", demoUser("circular-lead")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ON_TRACK"));
        mvc.perform(get("/api/circular/milestones/heat-2017/history").header("Authorization", demoUser("board")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].by").value("circular-lead"));
    }

    @Test
    void realmRolesDecideWhoMayWrite() throws Exception {
        for (String user : List.of("mobility-lead", "board", "partner")) {
            mvc.perform(changeStatus("raw-materials-2025", "ON_TRACK", "Procurement pilots run", demoUser(user)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(changeStatus("raw-materials-2025", "ON_TRACK", "Procurement pilots run", demoUser("admin")))
                .andExpect(status().isOk());
    }

    @Test
    void aPartnersOrganisationComesFromTheRealm() throws Exception {
        mvc.perform(post("/api/circular/initiatives/heat-programme/progress").header("Authorization", demoUser("partner"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Twelve candidates placed\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/circular/initiatives/heat-programme/progress"))
                .andExpect(jsonPath("$.items[0].organisation").value("ManpowerGroup"));
    }

    @Test
    void tokensNotIssuedForThisApiByThisRealmAreRefused() throws Exception {
        for (String refused : List.of(
                passwordGrant(RealEngines.REALM, "admin-cli", "circular-lead", "demo"), // the realm's own, without the mra-api audience
                passwordGrant("master", "admin-cli", RealEngines.KEYCLOAK_ADMIN, RealEngines.KEYCLOAK_ADMIN_PASSWORD), // another realm
                TestTokens.get().bearerFromIssuer(RealEngines.realmIssuer(), "circular-lead", "circular-editor"), // not signed by the realm
                "Bearer not-a-jwt")) {
            mvc.perform(changeStatus("raw-materials-2017", "ON_TRACK", "n", refused))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(milestones.byId("raw-materials-2017").orElseThrow().revision()).isEqualTo(1);
    }

    /** A demo user's token for scripts (client mra-cli), as the README shows it. */
    private static String demoUser(String username) throws Exception {
        return passwordGrant(RealEngines.REALM, "mra-cli", username, "demo");
    }

    private static String passwordGrant(String realm, String client, String username, String password) throws Exception {
        String form = "grant_type=password&client_id=" + client + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(RealEngines.keycloakUrl() + "/realms/" + realm
                                + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return "Bearer " + JsonPath.read(response.body(), "$.access_token");
    }

    private static MockHttpServletRequestBuilder changeStatus(String id, String status, String note, String authorization) {
        return put("/api/circular/milestones/{id}/status", id).header("Authorization", authorization)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"" + status + "\", \"note\": \"" + note + "\"}");
    }
}
