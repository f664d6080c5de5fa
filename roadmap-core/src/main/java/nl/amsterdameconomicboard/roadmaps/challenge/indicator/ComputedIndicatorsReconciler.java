package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import nl.amsterdameconomicboard.roadmaps.challenge.indicator.RegisterChanged;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps computed indicators equal to their registers: right after a register change, and on a schedule in case a
 * service stopped between the two writes (the register's and the indicator's).
 */
@Component
class ComputedIndicatorsReconciler {

    private final Indicators indicators;

    ComputedIndicatorsReconciler(Indicators indicators) {
        this.indicators = indicators;
    }

    @EventListener
    void on(RegisterChanged change) {
        indicators.recomputeAll();
    }

    @Scheduled(fixedDelayString = "${roadmap.indicators.recompute-interval:60s}", initialDelayString = "${roadmap.indicators.recompute-initial-delay:5s}")
    void reconcile() {
        indicators.recomputeAll();
    }
}
