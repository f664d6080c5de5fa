package nl.amsterdameconomicboard.roadmaps.challenge;

import nl.amsterdameconomicboard.roadmaps.support.test.OnRealEngines;

/**
 * {@link BoundedDocumentsTest} on a MongoDB replica set and Apache Kafka in containers: thousands of guarded writes,
 * their entries copied to their own collections and read back a page at a time, on the store production runs.
 */
@OnRealEngines
class BoundedDocumentsOnRealEnginesTest extends BoundedDocumentsTest {
}
