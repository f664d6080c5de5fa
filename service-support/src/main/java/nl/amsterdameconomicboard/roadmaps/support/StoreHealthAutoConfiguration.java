package nl.amsterdameconomicboard.roadmaps.support;

import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
public class StoreHealthAutoConfiguration {

    /**
     * Replaces Boot's Mongo health check, whose {@code hello} command the embedded store does not know;
     * {@code ping} works on the embedded store and on every real MongoDB.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return () -> {
            Document answer = mongo.executeCommand(new Document("ping", 1));
            return answer.get("ok", Number.class).intValue() == 1
                    ? Health.up().withDetail("database", mongo.getDb().getName()).build()
                    : Health.down().withDetail("answer", answer.toJson()).build();
        };
    }
}
