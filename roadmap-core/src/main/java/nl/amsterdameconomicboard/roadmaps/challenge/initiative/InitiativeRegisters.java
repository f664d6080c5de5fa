package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.ComputedFrom;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.IndicatorComputation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Counts that indicators take from the initiatives register. */
@Configuration
class InitiativeRegisters {

    /** Initiatives carrying a tag, e.g. heat projects with a business case. Stopped initiatives do not count. */
    @Bean
    IndicatorComputation initiativesTagged(MongoTemplate mongo) {
        return new IndicatorComputation() {
            @Override
            public String register() {
                return "initiatives-tagged";
            }

            @Override
            public Count count(ComputedFrom spec) {
                List<CountedItem> items = mongo.find(query(where("tags").is(spec.tag()).and("status").ne(InitiativeStatus.STOPPED)), Initiative.class)
                        .stream().map(i -> new CountedItem("initiative", i.id(), i.title().nl())).toList();
                return new Count(items.size(), items);
            }
        };
    }

    /** The partners of one initiative, e.g. the members of the HealthTech alliance. */
    @Bean
    IndicatorComputation initiativePartners(MongoTemplate mongo) {
        return new IndicatorComputation() {
            @Override
            public String register() {
                return "initiative-partners";
            }

            @Override
            public Count count(ComputedFrom spec) {
                Initiative initiative = mongo.findById(spec.initiative(), Initiative.class);
                List<CountedItem> items = initiative == null ? List.of() : initiative.partners().stream()
                        .map(p -> new CountedItem("partner", spec.initiative(), p.name())).toList();
                return new Count(items.size(), items);
            }
        };
    }
}
