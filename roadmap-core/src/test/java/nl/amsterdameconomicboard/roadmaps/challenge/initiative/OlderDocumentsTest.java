package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceTest;
import nl.amsterdameconomicboard.roadmaps.challenge.test.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** An initiative stored by an older version, with its progress and history inside its document, reads as any other once moved. */
@ChallengeServiceTest
@TestPropertySource(properties = {
        "spring.config.import=classpath:challenge-service-defaults.yaml",
        "roadmap.challenge.code=circular",
        "roadmap.challenge.seed=classpath:seed/test-roadmap.json",
        "roadmap.test.context=older-documents"})
class OlderDocumentsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Initiatives initiatives;

    @Test
    void progressAndHistoryEmbeddedByAnOlderVersionAreMovedOnceAndReadPaged() throws Exception {
        List<Document> progress = new ArrayList<>();
        List<Document> history = new ArrayList<>(List.of(new Document("at", new Date(0)).append("by", "lead").append("action", "created")
                .append("revision", 1L)));
        for (int i = 1; i <= 7; i++) {
            Date at = new Date(i * 1000L);
            progress.add(new Document("id", "p" + i).append("at", at).append("by", "partner").append("organisation", "Acme").append("text", "post " + i));
            history.add(new Document("at", at).append("by", "partner").append("action", "progress reported").append("detail", "post " + i)
                    .append("revision", i + 1L));
        }
        mongo.getCollection("initiatives").insertOne(new Document("_id", "older").append("spearhead", "heat")
                .append("title", new Document("nl", "Ouder")).append("status", "RUNNING").append("links", List.of())
                .append("partners", List.of()).append("tags", List.of()).append("progress", progress).append("createdAt", new Date(0))
                .append("revision", 8L).append("history", history).append("pendingEvents", List.of()));

        initiatives.moveEmbeddedLists();
        initiatives.moveEmbeddedLists(); // as on every start: nothing more to move, nothing doubled

        mvc.perform(get("/api/circular/initiatives/older"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.progressCount").value(7))
                .andExpect(jsonPath("$.progress.length()").value(5))
                .andExpect(jsonPath("$.progress[4].text").value("post 7"));
        mvc.perform(get("/api/circular/initiatives/older/progress"))
                .andExpect(jsonPath("$.totalItems").value(7))
                .andExpect(jsonPath("$.items[0].text").value("post 7"))
                .andExpect(jsonPath("$.items[6].text").value("post 1"));
        mvc.perform(get("/api/circular/initiatives/older/history").header("Authorization", TestTokens.get().bearer("circular-lead", "circular-editor")))
                .andExpect(jsonPath("$.totalItems").value(8))
                .andExpect(jsonPath("$.items[0].revision").value(8))
                .andExpect(jsonPath("$.items[7].action").value("created"));
    }
}
