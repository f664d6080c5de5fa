package nl.amsterdameconomicboard.roadmaps.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceTest;
import nl.amsterdameconomicboard.roadmaps.challenge.test.TestTokens;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Partners and editors may write as much as they like: the entity documents and their public reads stay small and
 * fast, writes keep working, and the growing lists are read a page at a time, every entry exactly once.
 */
@ChallengeServiceTest
@TestPropertySource(properties = {
        "spring.config.import=classpath:challenge-service-defaults.yaml",
        "roadmap.challenge.code=circular",
        "roadmap.challenge.seed=classpath:seed/test-roadmap.json",
        "roadmap.test.context=bounded"})
class BoundedDocumentsTest {

    private static final TestTokens tokens = TestTokens.get();
    private static final String LEAD = tokens.bearer("circular-lead", "circular-editor");
    private static final int POSTS = 3_000;
    private static final int MEASUREMENTS = 5_000;
    private static final int SMALL = 24 * 1024;

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    @Test
    void thousandsOfLongProgressPostsLeaveTheInitiativeSmallAndEveryPostReadableOnce() throws Exception {
        String partner = tokens.partnerBearer("partner", "ManpowerGroup");
        String padding = "x".repeat(3_990); // a post of 4,000 characters, the most a partner may write: 24 MB in all
        for (int i = 0; i < POSTS; i++) {
            mvc.perform(json(post("/api/circular/initiatives/heat-programme/progress"), partner, "{\"text\": \"post " + i + " " + padding + "\"}"))
                    .andExpect(status().isCreated());
        }

        MvcResult read = mvc.perform(get("/api/circular/initiatives/heat-programme"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.progressCount").value(POSTS))
                .andExpect(jsonPath("$.progress.length()").value(5))
                .andExpect(jsonPath("$.progress[4].text").value("post " + (POSTS - 1) + " " + padding))
                .andExpect(jsonPath("$.allProgress").value("/api/circular/initiatives/heat-programme/progress"))
                .andReturn();
        assertThat(read.getResponse().getContentAsByteArray().length).isLessThan(SMALL);
        assertThat(medianMillisOf(() -> mvc.perform(get("/api/circular/initiatives/heat-programme")).andExpect(status().isOk())))
                .isLessThan(250);
        await().atMost(Duration.ofSeconds(60)).until(() -> storedBytes("initiatives", "heat-programme") < 32 * 1024); // once its events are out

        String etag = read.getResponse().getHeader("ETag");
        mvc.perform(json(put("/api/circular/initiatives/heat-programme"), LEAD, """
                        {"spearhead": "heat", "title": {"nl": "Warmteprogramma"}, "status": "RUNNING",
                         "partners": [{"name": "ManpowerGroup", "type": "BUSINESS"}]}""").header("If-Match", etag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(POSTS + 2));

        List<String> texts = new ArrayList<>();
        for (Object item : readAllPages("/api/circular/initiatives/heat-programme/progress", null)) {
            texts.add(JsonPath.read(item, "$.text").toString().split(" ")[1]);
        }
        assertThat(texts).hasSize(POSTS).doesNotHaveDuplicates().startsWith(String.valueOf(POSTS - 1)).endsWith("0");

        List<Object> history = readAllPages("/api/circular/initiatives/heat-programme/history", LEAD);
        assertThat(history).hasSize(POSTS + 2); // announced, every post, the change
        assertThat(history.stream().map(h -> ((Number) JsonPath.read(h, "$.revision")).longValue()).toList())
                .doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void thousandsOfMeasurementsLeaveTheIndicatorSmallAndTheSeriesReadableOnce() throws Exception {
        LocalDate first = LocalDate.of(2008, 1, 1);
        for (int i = 0; i < MEASUREMENTS; i++) {
            mvc.perform(json(post("/api/circular/indicators/homes-on-residual-heat/measurements"), LEAD,
                            "{\"date\": \"" + first.plusDays(i) + "\", \"value\": " + (170_000 + i) + ", \"source\": \"Warmtemonitor\"}"))
                    .andExpect(status().isCreated());
        }

        MvcResult read = mvc.perform(get("/api/circular/indicators/homes-on-residual-heat"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measurementCount").value(MEASUREMENTS))
                .andExpect(jsonPath("$.latest.value").value(170_000 + MEASUREMENTS - 1))
                .andReturn();
        assertThat(read.getResponse().getContentAsByteArray().length).isLessThan(SMALL);
        assertThat(medianMillisOf(() -> mvc.perform(get("/api/circular/indicators/homes-on-residual-heat")).andExpect(status().isOk())))
                .isLessThan(250);
        await().atMost(Duration.ofSeconds(60)).until(() -> storedBytes("indicators", "homes-on-residual-heat") < 32 * 1024);

        Set<Double> values = new HashSet<>();
        List<String> dates = new ArrayList<>();
        for (Object item : readAllPages("/api/circular/indicators/homes-on-residual-heat/measurements", null)) {
            values.add(((Number) JsonPath.read(item, "$.value")).doubleValue());
            dates.add(JsonPath.read(item, "$.date"));
        }
        assertThat(values).hasSize(MEASUREMENTS);
        assertThat(dates).hasSize(MEASUREMENTS).isSortedAccordingTo((a, b) -> b.compareTo(a));
        mvc.perform(get("/api/circular/indicators/homes-on-residual-heat/measurements").param("size", "201"))
                .andExpect(status().isBadRequest());
    }

    /** Every item of a paged list, read 200 at a time. */
    private List<Object> readAllPages(String path, String authorization) throws Exception {
        List<Object> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            MockHttpServletRequestBuilder request = get(path).param("page", String.valueOf(page)).param("size", "200");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<Object> pageItems = JsonPath.read(body, "$.items");
            items.addAll(pageItems);
            if (page + 1 >= (int) JsonPath.read(body, "$.totalPages")) {
                return items;
            }
        }
    }

    private int storedBytes(String collection, String id) {
        Document stored = mongo.getCollection(collection).find(new Document("_id", id)).first();
        return new RawBsonDocument(stored, new DocumentCodec()).getByteBuffer().remaining();
    }

    private interface Call {
        void run() throws Exception;
    }

    private static long medianMillisOf(Call call) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            long start = System.nanoTime();
            call.run();
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        return millis.stream().sorted().toList().get(millis.size() / 2);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String authorization, String body) {
        return request.header("Authorization", authorization).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
