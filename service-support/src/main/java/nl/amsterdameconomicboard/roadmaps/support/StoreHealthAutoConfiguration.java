package nl.amsterdameconomicboard.roadmaps.support;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The store as every service uses it: a health check that works on every store, and a bounded wait for it. */
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

    /**
     * How long a request waits for an unreachable store before it is refused with 503 (the driver's default is 30 s,
     * longer than any client waits). {@code ROADMAP_STORE_TIMEOUT} changes it.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer storeTimeout(@Value("${roadmap.store.timeout:5s}") Duration timeout) {
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }
}
