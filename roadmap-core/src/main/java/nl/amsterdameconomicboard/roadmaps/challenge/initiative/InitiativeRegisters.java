package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.ComputedFrom;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.IndicatorComputation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Counts that indicators take from the initiatives register. */
@Configuration
class InitiativeRegisters {

    /** Initiatives carrying a tag, e.g. heat projects with a business case. Stopped initiatives do not count. */
    @Bean
    IndicatorComputation initiativesTagged(Initiatives initiatives) {
        return new IndicatorComputation() {
            @Override
            public String register() {
                return "initiatives-tagged";
            }

            @Override
            public Count count(ComputedFrom spec) {
                List<CountedItem> items = initiatives.activeTagged(spec.tag()).stream().map(i -> new CountedItem("initiative", i.id(), i.title().nl())).toList();
                return new Count(items.size(), items);
            }
        };
    }

    /** The partners of one initiative, e.g. the members of the HealthTech alliance. */
    @Bean
    IndicatorComputation initiativePartners(Initiatives initiatives) {
        return new IndicatorComputation() {
            @Override
            public String register() {
                return "initiative-partners";
            }

            @Override
            public Count count(ComputedFrom spec) {
                List<CountedItem> items = initiatives.byId(spec.initiative()).map(Initiative::partners).orElse(List.of()).stream()
                        .map(p -> new CountedItem("partner", spec.initiative(), p.name())).toList();
                return new Count(items.size(), items);
            }
        };
    }
}
