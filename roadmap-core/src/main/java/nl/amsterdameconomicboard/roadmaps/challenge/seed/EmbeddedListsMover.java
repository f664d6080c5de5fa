package nl.amsterdameconomicboard.roadmaps.challenge.seed;

import nl.amsterdameconomicboard.roadmaps.challenge.indicator.Indicators;
import nl.amsterdameconomicboard.roadmaps.challenge.initiative.Initiatives;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.Milestones;
import nl.amsterdameconomicboard.roadmaps.challenge.spearhead.Spearheads;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On every start, before the seed: moves the lists that older versions kept inside the entity documents (history,
 * progress updates, measurements) to their collections, and copies entries a crash left pending. Idempotent, one
 * document at a time; a store written by this version has nothing to move.
 */
@Component
@Order(-1)
class EmbeddedListsMover implements ApplicationRunner {

    private final Spearheads spearheads;
    private final Milestones milestones;
    private final Indicators indicators;
    private final Initiatives initiatives;

    EmbeddedListsMover(Spearheads spearheads, Milestones milestones, Indicators indicators, Initiatives initiatives) {
        this.spearheads = spearheads;
        this.milestones = milestones;
        this.indicators = indicators;
        this.initiatives = initiatives;
    }

    @Override
    public void run(ApplicationArguments args) {
        spearheads.moveEmbeddedLists();
        milestones.moveEmbeddedLists();
        indicators.moveEmbeddedLists();
        initiatives.moveEmbeddedLists();
    }
}
