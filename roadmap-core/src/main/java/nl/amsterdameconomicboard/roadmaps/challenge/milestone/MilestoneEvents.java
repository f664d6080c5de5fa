package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import java.util.UUID;
import nl.amsterdameconomicboard.roadmaps.challenge.events.PendingEvent;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
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
        return new PendingEvent(
                UUID.randomUUID().toString(),
                RoadmapTopics.MILESTONES,
                MilestoneStatusChanged.TYPE.name(),
                MilestoneStatusChanged.TYPE.version(),
                payload.key(),
                change.at(),
                RoadmapEvents.toJson(payload));
    }
}
