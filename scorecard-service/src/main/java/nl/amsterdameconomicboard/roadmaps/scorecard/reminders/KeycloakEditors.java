package nl.amsterdameconomicboard.roadmaps.scorecard.reminders;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The challenges' editors and their e-mail addresses, from Keycloak's admin REST API with a confidential client's
 * service account (client-credentials grant) that has only realm-management's {@code view-users}. That role lets it
 * list users and read their role mappings, not the realm's roles, so it asks each enabled user with an address for
 * its effective realm roles: one request per user, once a week, which covers roles given through groups too.
 */
@Component
class KeycloakEditors {

    private static final int PAGE = 100;

    private final ReminderProperties.Keycloak keycloak;
    private final RestClient http;

    KeycloakEditors(ReminderProperties properties) {
        this.keycloak = properties.keycloak();
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(5_000);
        requests.setReadTimeout(10_000);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    boolean configured() {
        return keycloak.configured();
    }

    /** Every enabled user with an e-mail address who edits one of these challenges. */
    List<Editor> of(List<String> challenges) {
        String token = token();
        String admin = keycloak.url() + "/admin/realms/" + keycloak.realm();
        List<Editor> editors = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            JsonNode users = http.get().uri(admin + "/users?briefRepresentation=true&first={first}&max={max}", first, PAGE)
                    .header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
            for (JsonNode user : users) {
                String email = text(user, "email");
                if (!user.path("enabled").asBoolean(true) || email == null) {
                    continue;
                }
                JsonNode roles = http.get().uri(admin + "/users/{id}/role-mappings/realm/composite", text(user, "id"))
                        .header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
                Set<String> names = new HashSet<>();
                roles.forEach(r -> names.add(r.path("name").asString()));
                List<String> edits = challenges.stream().filter(c -> names.contains(c + "-editor")).toList();
                if (!edits.isEmpty()) {
                    editors.add(new Editor(text(user, "id"), text(user, "username"), email, text(user, "firstName"), edits));
                }
            }
            if (users.size() < PAGE) {
                return editors;
            }
        }
    }

    private String token() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", keycloak.clientId());
        form.add("client_secret", keycloak.clientSecret());
        JsonNode answer = http.post().uri(keycloak.url() + "/realms/" + keycloak.realm() + "/protocol/openid-connect/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(JsonNode.class);
        return answer.path("access_token").asString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}
