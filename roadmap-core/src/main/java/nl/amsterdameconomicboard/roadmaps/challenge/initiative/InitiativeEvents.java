package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import nl.amsterdameconomicboard.roadmaps.challenge.change.Author;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvent;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvents;
import nl.amsterdameconomicboard.roadmaps.events.InitiativeChanged;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;

/** Translates initiative changes into the published event contract; the only place that knows both. */
final class InitiativeEvents {

    private InitiativeEvents() {
    }

    static PendingEvent changed(Initiative i, String change, String summary, Author author) {
        InitiativeChanged payload = new InitiativeChanged(author.challenge(), i.spearhead(), i.id(),
                new LocalizedText(i.title().nl(), i.title().en()), i.status().name(), i.startDate(), i.endDate(),
                i.partners().stream().map(p -> new InitiativeChanged.Partner(p.name(), p.type().name())).toList(),
                change, summary, author.by(), author.at(), i.revision());
        return PendingEvents.of(RoadmapTopics.INITIATIVES, InitiativeChanged.TYPE, payload.key(), author.at(), payload);
    }
}
