package nl.amsterdameconomicboard.roadmaps.challenge.circular;

import nl.amsterdameconomicboard.roadmaps.support.test.OnRealEngines;

/**
 * Every test of {@link CircularServiceTest} (the Board's roadmap seeded and served from the repositories, a second
 * seed run leaving an edit as it is, the service's own register) on a MongoDB replica set and Apache Kafka in containers.
 */
@OnRealEngines
class CircularServiceOnRealEnginesTest extends CircularServiceTest {
}
