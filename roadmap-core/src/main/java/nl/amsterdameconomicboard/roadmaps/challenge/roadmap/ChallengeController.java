package nl.amsterdameconomicboard.roadmaps.challenge.roadmap;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.MilestoneView;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.Milestones;
import nl.amsterdameconomicboard.roadmaps.challenge.spearhead.SpearheadRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ChallengeController {

    private final ChallengeProperties properties;
    private final ChallengeRepository challenges;
    private final SpearheadRepository spearheads;
    private final Milestones milestones;
    private final Clock clock;

    ChallengeController(ChallengeProperties properties, ChallengeRepository challenges, SpearheadRepository spearheads,
                        Milestones milestones, Clock clock) {
        this.properties = properties;
        this.challenges = challenges;
        this.spearheads = spearheads;
        this.milestones = milestones;
        this.clock = clock;
    }

    @GetMapping("/api/${roadmap.challenge.code}")
    ChallengeView challenge() {
        Challenge challenge = challenges.findById(properties.code())
                .orElseThrow(() -> new IllegalStateException("The roadmap of " + properties.code() + " is not loaded yet"));
        LocalDate today = LocalDate.now(clock);
        Map<String, List<MilestoneView>> milestonesBySpearhead = milestones.all().stream()
                .map(m -> MilestoneView.of(m, today, milestones.latestChange(m)))
                .collect(Collectors.groupingBy(MilestoneView::spearhead));
        List<ChallengeView.SpearheadRoadmap> views = spearheads.findAllByOrderByPositionAsc().stream()
                .map(s -> ChallengeView.SpearheadRoadmap.of(s, milestonesBySpearhead.getOrDefault(s.code(), List.of())))
                .toList();
        return new ChallengeView(challenge.code(), challenge.name(), challenge.ambition2025(), challenge.background(), views);
    }
}
