package nl.amsterdameconomicboard.roadmaps.challenge.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import nl.amsterdameconomicboard.roadmaps.support.test.TestEngines;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * A challenge service started whole for a test: the embedded store, a real Kafka broker (in-process, KRaft, one per
 * test JVM: see junit-platform.properties) and real signed tokens. With {@code @OnRealEngines} the store and broker
 * are a MongoDB replica set and Apache Kafka in containers.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = {TestEngines.class, ChallengeServiceTestInfrastructure.class})
public @interface ChallengeServiceTest {
}
