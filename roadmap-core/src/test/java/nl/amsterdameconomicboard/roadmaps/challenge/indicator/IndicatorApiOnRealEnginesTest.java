package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import nl.amsterdameconomicboard.roadmaps.support.test.OnRealEngines;

/**
 * Every test of {@link IndicatorApiTest} (measurements, counts computed from the register by queries, snapshots
 * announced on Kafka) on a MongoDB replica set and Apache Kafka in containers.
 */
@OnRealEngines
class IndicatorApiOnRealEnginesTest extends IndicatorApiTest {
}
