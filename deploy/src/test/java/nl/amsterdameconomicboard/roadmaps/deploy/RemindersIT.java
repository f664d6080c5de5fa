package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reminders' e-mail path on the running platform: the scorecard service asks the real Keycloak for the editors
 * (client mra-reminders, view-users only) and sends their digests to the real GreenMail server that ./platform up
 * starts; the calendar feed and the open data through the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemindersIT {

    private PlatformSettings settings;
    private GatewayClient client;

    @BeforeAll
    void platform() throws Exception {
        settings = SharedPlatform.get();
        client = new GatewayClient(settings);
    }

    @Test
    void anAdminSendsTheDigestsEachEditorGetsTheirOwnChallengesItemsAndNoSecondOneThatWeek() throws Exception {
        HttpResponse<String> editorTries = post("/api/reminders/digests", client.token("circular-lead"));
        assertThat(editorTries.statusCode()).isEqualTo(403);

        HttpResponse<String> sent = post("/api/reminders/digests", client.token("admin"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        // the seeded 2017 milestones are overdue: every challenge's lead has something to read
        assertThat(sent.body()).contains("\"username\":\"circular-lead\"", "\"username\":\"mobility-lead\"")
                .doesNotContain("\"username\":\"partner\"", "\"username\":\"board\"");

        String circular = awaitMailbox("circular-lead@demo.mra.local");
        assertThat(circular).contains("Mijlpaal over tijd").contains("== circular ==").doesNotContain("== mobility ==");
        String mobility = awaitMailbox("mobility-lead@demo.mra.local");
        assertThat(mobility).contains("== mobility ==").doesNotContain("== circular ==");
        assertThat(countMessages(mailbox("partner@demo.mra.local"))).isZero();

        HttpResponse<String> again = post("/api/reminders/digests", client.token("admin"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("sent-within-interval").doesNotContain("\"outcome\":\"sent\"");
        Thread.sleep(1000);
        assertThat(countMessages(mailbox("circular-lead@demo.mra.local"))).isEqualTo(1);

        HttpResponse<String> attention = client.send(HttpRequest.newBuilder(client.gateway("/api/reminders/attention"))
                .header("Authorization", "Bearer " + client.token("circular-lead")));
        assertThat(attention.statusCode()).isEqualTo(200);
        assertThat(attention.body()).contains("\"challenge\":\"circular\"", "milestone-overdue").doesNotContain("\"challenge\":\"mobility\"");
    }

    @Test
    void theCalendarFeedAndTheOpenDataArePublicThroughTheGateway() throws Exception {
        HttpResponse<String> ics = client.get("/api/circular/milestones.ics");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VEVENT\r\n").endsWith("END:VCALENDAR\r\n");

        HttpResponse<String> csv = client.get("/api/opendata/indicators.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("challenge,spearhead,indicator,name_nl,").contains("\r\ncircular,");
        HttpResponse<String> json = client.get("/api/opendata/indicators.json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"CC BY 4.0\"", "\"challenge\":\"talent\"");
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(client.gateway(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The text of the first message the mailbox received, as a mail program shows it (quoted-printable decoded). */
    private String awaitMailbox(String address) throws Exception {
        String messages = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailbox(address), body -> countMessages(body) >= 1);
        String mime = tools.jackson.databind.json.JsonMapper.builder().build().readTree(messages).get(0).path("mimeMessage").asString();
        int headersEnd = mime.indexOf("\r\n\r\n");
        assertThat(headersEnd).as("a message with headers and a body").isPositive();
        String body = mime.substring(headersEnd + 4);
        // the mail library picks the encoding: plain 7-bit for an ASCII text, quoted-printable otherwise
        return mime.substring(0, headersEnd).contains("Content-Transfer-Encoding: quoted-printable") ? quotedPrintable(body) : body;
    }

    /** RFC 2045 quoted-printable: soft line breaks removed, =XX bytes decoded as UTF-8. */
    private static String quotedPrintable(String text) {
        String joined = text.replace("=\r\n", "");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** GreenMail's REST API: the messages a mailbox received. */
    private String mailbox(String address) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(settings.mailApiUrl() + "/api/user/" + address
                + "/messages/")));
        return response.statusCode() == 404 ? "[]" : response.body();
    }

    private static int countMessages(String body) {
        return body.split("\"uid\"", -1).length - 1;
    }
}
