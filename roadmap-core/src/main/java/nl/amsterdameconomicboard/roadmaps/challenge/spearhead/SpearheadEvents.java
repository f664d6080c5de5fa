package nl.amsterdameconomicboard.roadmaps.challenge.spearhead;

import java.time.Instant;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.events.PendingEvent;
import nl.amsterdameconomicboard.roadmaps.challenge.events.PendingEvents;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import nl.amsterdameconomicboard.roadmaps.events.SpearheadChanged;

/** Translates spearhead changes into the published event contract. */
final class SpearheadEvents {

    private SpearheadEvents() {
    }

    static PendingEvent changed(String challenge, Spearhead s, String change, String by, Instant at, long revision) {
        SpearheadChanged payload = new SpearheadChanged(challenge, s.code(), text(s.title()), text(s.vision()), s.position(), change, by, at,
                revision);
        return PendingEvents.of(RoadmapTopics.SPEARHEADS, SpearheadChanged.TYPE, payload.key(), at, payload);
    }

    private static LocalizedText text(BilingualText text) {
        return text == null ? null : new LocalizedText(text.nl(), text.en());
    }
}
