package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import java.time.Instant;
import nl.amsterdameconomicboard.roadmaps.challenge.events.PendingEvent;
import nl.amsterdameconomicboard.roadmaps.challenge.events.PendingEvents;
import nl.amsterdameconomicboard.roadmaps.events.InitiativeChanged;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;

/** Translates initiative changes into the published event contract. */
final class InitiativeEvents {

    private InitiativeEvents() {
    }

    static PendingEvent changed(String challenge, Initiative i, String change, String summary, String by, Instant at, long revision) {
        InitiativeChanged payload = new InitiativeChanged(challenge, i.spearhead(), i.id(), new LocalizedText(i.title().nl(), i.title().en()),
                i.status().name(), i.startDate(), i.endDate(),
                i.partners().stream().map(p -> new InitiativeChanged.Partner(p.name(), p.type().name())).toList(),
                change, summary, by, at, revision);
        return PendingEvents.of(RoadmapTopics.INITIATIVES, InitiativeChanged.TYPE, payload.key(), at, payload);
    }
}
