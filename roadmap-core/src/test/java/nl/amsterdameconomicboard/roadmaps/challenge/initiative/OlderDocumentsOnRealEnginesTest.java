package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import nl.amsterdameconomicboard.roadmaps.support.test.OnRealEngines;

/** {@link OlderDocumentsTest} (lists embedded by an older version moved out once) on a MongoDB replica set in a container. */
@OnRealEngines
class OlderDocumentsOnRealEnginesTest extends OlderDocumentsTest {
}
