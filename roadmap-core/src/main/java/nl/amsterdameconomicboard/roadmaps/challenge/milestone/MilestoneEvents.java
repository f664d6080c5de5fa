package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvent;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvents;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;

/** Translates milestone changes into the published event contract; the only place that knows both. */
final class MilestoneEvents {

    private MilestoneEvents() {
    }

    static PendingEvent statusChanged(String challenge, Milestone milestone, StatusChange change) {
        MilestoneStatusChanged payload = new MilestoneStatusChanged(
                challenge,
                milestone.spearhead(),
                milestone.id(),
                new LocalizedText(milestone.title().nl(), milestone.title().en()),
                milestone.deadline(),
                change.from() == null ? null : change.from().name(),
                change.to().name(),
                change.note(),
                change.by(),
                change.at(),
                change.revision());
        return PendingEvents.of(RoadmapTopics.MILESTONES, MilestoneStatusChanged.TYPE, payload.key(), change.at(), payload);
    }
}
