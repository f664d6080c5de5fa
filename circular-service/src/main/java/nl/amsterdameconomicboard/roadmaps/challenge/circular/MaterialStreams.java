package nl.amsterdameconomicboard.roadmaps.challenge.circular;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.ComputedFrom;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.IndicatorComputation;
import nl.amsterdameconomicboard.roadmaps.challenge.initiative.Initiative;
import nl.amsterdameconomicboard.roadmaps.challenge.initiative.InitiativeStatus;
import nl.amsterdameconomicboard.roadmaps.challenge.initiative.Initiatives;
import nl.amsterdameconomicboard.roadmaps.challenge.seed.SeedSpecifics;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Circular's register of material streams: loaded from the seed on first start, each with the initiatives that
 * work on it. It also counts the streams that have initiatives, for the indicator "at least 9 material streams
 * with initiatives for high-grade recycling".
 */
@Component
class MaterialStreams implements ApplicationRunner, IndicatorComputation {

    private final MongoTemplate mongo;
    private final Initiatives initiatives;
    private final SeedSpecifics specifics;

    MaterialStreams(MongoTemplate mongo, Initiatives initiatives, SeedSpecifics specifics) {
        this.mongo = mongo;
        this.initiatives = initiatives;
        this.specifics = specifics;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (MaterialStream stream : specifics.read("materialStreams", MaterialStream[].class)) {
            try {
                mongo.insert(stream);
            } catch (DuplicateKeyException alreadyLoaded) {
                // loaded on an earlier start; never overwritten
            }
        }
    }

    List<MaterialStreamView> all() {
        return mongo.find(new Query().with(Sort.by("rank")), MaterialStream.class).stream().map(this::view).toList();
    }

    MaterialStreamView one(String code) {
        MaterialStream stream = mongo.findById(code, MaterialStream.class);
        return stream == null ? null : view(stream);
    }

    private MaterialStreamView view(MaterialStream stream) {
        List<MaterialStreamView.InitiativeRef> initiatives = initiativesOn(stream).stream()
                .map(i -> new MaterialStreamView.InitiativeRef(i.id(), i.title(), i.status())).toList();
        return new MaterialStreamView(stream.code(), stream.rank(), stream.name(), stream.recyclingAim(), initiatives);
    }

    private List<Initiative> initiativesOn(MaterialStream stream) {
        return initiatives.activeTagged(stream.tag());
    }

    @Override
    public String register() {
        return "material-streams-with-initiatives";
    }

    @Override
    public Count count(ComputedFrom spec) {
        List<CountedItem> streams = mongo.find(new Query().with(Sort.by("rank")), MaterialStream.class).stream()
                .filter(s -> !initiativesOn(s).isEmpty())
                .map(s -> new CountedItem("material-stream", s.code(), s.name().nl())).toList();
        return new Count(streams.size(), streams);
    }

    /** A material stream as the API shows it, with the initiatives working on it. */
    record MaterialStreamView(String code, int rank, BilingualText name, BilingualText recyclingAim, List<InitiativeRef> initiatives) {

        record InitiativeRef(String id, BilingualText title, InitiativeStatus status) {
        }
    }
}
