package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import nl.amsterdameconomicboard.roadmaps.support.test.OnRealEngines;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every test of {@link MilestoneApiTest} (guarded writes with their history, ETags, the outbox relay publishing to
 * Kafka, token checks) on a MongoDB replica set and Apache Kafka in containers.
 */
@OnRealEngines
class MilestoneApiOnRealEnginesTest extends MilestoneApiTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void theStoreIsAReplicaSetAsInProduction() {
        assertThat(mongo.executeCommand(new Document("hello", 1)).getString("setName")).isNotBlank();
    }
}
