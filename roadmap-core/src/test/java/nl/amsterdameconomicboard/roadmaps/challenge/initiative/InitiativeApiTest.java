package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceTest;
import nl.amsterdameconomicboard.roadmaps.challenge.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@ChallengeServiceTest
@TestPropertySource(properties = {
        "spring.config.import=classpath:challenge-service-defaults.yaml",
        "roadmap.challenge.code=circular",
        "roadmap.challenge.seed=classpath:seed/test-roadmap.json",
        "roadmap.test.context=initiatives"})
class InitiativeApiTest {

    private static final TestTokens tokens = TestTokens.get();
    private static final String LEAD = tokens.bearer("circular-lead", "circular-editor");

    @Autowired
    MockMvc mvc;
    @Autowired
    Initiatives initiatives;

    @Test
    void anEditorCreatesAnInitiativeWithItsPartnersAndChangesItWithItsETag() throws Exception {
        String etag = mvc.perform(json(post("/api/circular/initiatives"), LEAD, """
                        {"id": "textile-sorting-hub", "spearhead": "heat", "title": {"nl": "Sorteerhub textiel", "en": "Textile sorting hub"},
                         "startDate": "2026-01-01", "endDate": "2027-12-31", "status": "PLANNED",
                         "links": ["https://example.org/textiel"],
                         "partners": [{"name": "Wieland Textiles", "type": "BUSINESS"}, {"name": "Gemeente Zaanstad", "type": "GOVERNMENT"},
                                      {"name": "Hogeschool van Amsterdam", "type": "KNOWLEDGE_INSTITUTION"}],
                         "tags": ["material-stream:textiles"]}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/circular/initiatives/textile-sorting-hub")))
                .andExpect(jsonPath("$.partners.length()").value(3))
                // each kind of partner as the code the API takes and in both languages, for any reader to show
                .andExpect(jsonPath("$.partners[2].type").value("KNOWLEDGE_INSTITUTION"))
                .andExpect(jsonPath("$.partners[2].typeLabel.nl").value("kennisinstelling"))
                .andExpect(jsonPath("$.partners[2].typeLabel.en").value("knowledge institution"))
                .andReturn().getResponse().getHeader("ETag");

        mvc.perform(json(put("/api/circular/initiatives/textile-sorting-hub"), LEAD, """
                        {"spearhead": "heat", "title": {"nl": "Sorteerhub textiel"}, "status": "RUNNING",
                         "partners": [{"name": "Wieland Textiles", "type": "BUSINESS"}], "tags": ["material-stream:textiles"]}""")
                        .header("If-Match", etag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.revision").value(2));
        mvc.perform(json(put("/api/circular/initiatives/textile-sorting-hub"), LEAD, """
                        {"spearhead": "heat", "title": {"nl": "Oud"}, "status": "STOPPED"}""").header("If-Match", etag))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(get("/api/circular/initiatives").param("tag", "material-stream:textiles"))
                .andExpect(jsonPath("$.items[0].title.nl").value("Sorteerhub textiel"));
        mvc.perform(get("/api/circular/initiatives/textile-sorting-hub/history").header("Authorization", LEAD))
                .andExpect(jsonPath("$.items[0].detail").value(containsString("status PLANNED → RUNNING")))
                // the same as facts, for the dashboard to word in Dutch or English
                .andExpect(jsonPath("$.items[0].action").value("changed"))
                .andExpect(jsonPath("$.items[0].facts.fields").value(org.hamcrest.Matchers.contains("title", "period", "status", "links", "partners")))
                .andExpect(jsonPath("$.items[0].facts.from").value("PLANNED"))
                .andExpect(jsonPath("$.items[0].facts.to").value("RUNNING"));
    }

    @Test
    void invalidInitiativesAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        String valid = "\"spearhead\": \"heat\", \"title\": {\"nl\": \"T\"}, \"status\": \"RUNNING\"";
        expectInvalid("{\"id\": \"Bad Id\", " + valid + "}", "id");
        expectInvalid("{\"id\": \"x1\", \"spearhead\": \"nonexistent\", \"title\": {\"nl\": \"T\"}, \"status\": \"RUNNING\"}", "spearhead");
        expectInvalid("{\"id\": \"x2\", " + valid + ", \"startDate\": \"2027-01-01\", \"endDate\": \"2026-01-01\"}", "endDate");
        expectInvalid("{\"id\": \"x3\", " + valid + ", \"partners\": [{\"name\": \"Acme\", \"type\": \"FRIEND\"}]}", "partners[0].type");
        expectInvalid("{\"id\": \"x4\", " + valid + ", \"partners\": [{\"name\": \" \", \"type\": \"BUSINESS\"}]}", "partners[0].name");
        expectInvalid("{\"id\": \"x5\", " + valid + ", \"links\": [\"javascript:alert(1)\"]}", "links[0]");
        expectInvalid("{\"id\": \"x6\", \"spearhead\": \"heat\", \"title\": {\"en\": \"only English\"}, \"status\": \"RUNNING\"}", "title.nl");
        expectInvalid("{\"id\": \"heat-programme\", " + valid + "}", "id");
        for (String id : new String[] {"x1", "x2", "x3", "x4", "x5", "x6"}) {
            assertThat(initiatives.byId(id)).isEmpty();
        }
    }

    @Test
    void aPartnerPostsProgressOnItsOwnInitiativeOnly() throws Exception {
        mvc.perform(json(post("/api/circular/initiatives/heat-programme/progress"), tokens.partnerBearer("partner", "ManpowerGroup"),
                        "{\"text\": \"Forty technicians trained for heat networks\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.progress[0].organisation").value("ManpowerGroup"))
                .andExpect(jsonPath("$.progress[0].text").value("Forty technicians trained for heat networks"));

        mvc.perform(json(post("/api/circular/initiatives/heat-programme/progress"), tokens.partnerBearer("someone", "Randstad"),
                        "{\"text\": \"Not ours\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("Randstad is not one of them")));
        mvc.perform(json(post("/api/circular/initiatives/heat-programme/progress"), tokens.partnerBearer("partner", "ManpowerGroup"), "{\"text\": \"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("text"));
        assertThat(initiatives.byId("heat-programme").orElseThrow().progressCount()).isEqualTo(1);
    }

    @Test
    void eachServicePublishesItsOpenApiDocumentUnderItsOwnPath() throws Exception {
        mvc.perform(get("/api/circular/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/circular/milestones/{id}/status']").exists())
                .andExpect(jsonPath("$.paths['/api/circular/indicators/{id}/measurements']").exists())
                .andExpect(jsonPath("$.paths['/api/circular/initiatives/{id}/progress']").exists());
    }

    private void expectInvalid(String body, String field) throws Exception {
        mvc.perform(json(post("/api/circular/initiatives"), LEAD, body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String authorization, String body) {
        return request.header("Authorization", authorization).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
