package nl.amsterdameconomicboard.roadmaps.scorecard;

import nl.amsterdameconomicboard.roadmaps.support.test.OnRealEngines;

/**
 * Every test of {@link ScorecardServiceTest} (events counted once, the dead-letter topic, topics declared with their
 * retention, scorecards, editions, the live stream) with Apache Kafka and a MongoDB replica set in containers.
 */
@OnRealEngines
class ScorecardServiceOnRealEnginesTest extends ScorecardServiceTest {
}
