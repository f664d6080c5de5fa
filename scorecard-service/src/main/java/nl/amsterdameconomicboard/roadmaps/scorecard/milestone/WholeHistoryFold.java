package nl.amsterdameconomicboard.roadmaps.scorecard.milestone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start, folds whole status histories of states stored by an earlier version into day entries (once; a no-op after). */
@Component
class WholeHistoryFold implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WholeHistoryFold.class);

    private final MilestoneProjection milestones;

    WholeHistoryFold(MilestoneProjection milestones) {
        this.milestones = milestones;
    }

    @Override
    public void run(ApplicationArguments args) {
        int folded = milestones.foldWholeHistories();
        if (folded > 0) {
            log.info("Folded the whole status histories of {} milestone states into their days", folded);
        }
    }
}
