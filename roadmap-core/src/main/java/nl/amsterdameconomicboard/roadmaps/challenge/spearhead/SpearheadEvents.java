package nl.amsterdameconomicboard.roadmaps.challenge.spearhead;

import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Author;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvent;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvents;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import nl.amsterdameconomicboard.roadmaps.events.SpearheadChanged;

/** Translates spearhead changes into the published event contract; the only place that knows both. */
final class SpearheadEvents {

    private SpearheadEvents() {
    }

    static PendingEvent changed(Spearhead s, String change, Author author) {
        SpearheadChanged payload = new SpearheadChanged(author.challenge(), s.code(), text(s.title()), text(s.vision()), s.position(), change,
                author.by(), author.at(), s.revision());
        return PendingEvents.of(RoadmapTopics.SPEARHEADS, SpearheadChanged.TYPE, payload.key(), author.at(), payload);
    }

    private static LocalizedText text(BilingualText text) {
        return text == null ? null : new LocalizedText(text.nl(), text.en());
    }
}
