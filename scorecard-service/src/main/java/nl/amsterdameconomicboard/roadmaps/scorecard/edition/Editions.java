package nl.amsterdameconomicboard.roadmaps.scorecard.edition;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import nl.amsterdameconomicboard.roadmaps.scorecard.ScorecardProperties;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.Scorecards;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorProjection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Publishes scorecard editions (insert only) and reads them back. */
@Service
public class Editions {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final MongoTemplate mongo;
    private final Scorecards scorecards;
    private final IndicatorProjection indicators;
    private final ScorecardProperties properties;
    private final Clock clock;

    Editions(MongoTemplate mongo, Scorecards scorecards, IndicatorProjection indicators, ScorecardProperties properties, Clock clock) {
        this.mongo = mongo;
        this.scorecards = scorecards;
        this.indicators = indicators;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Freezes today's scorecards of all challenges, and every indicator's series for the edition's open data; the id is
     * the moment of publication, e.g. 2026-11-28T101530Z. The series are written first: an edition is only reachable
     * once its own document is written, so a crash in between leaves no edition without its series.
     */
    public Edition publish(String title, String note, String by) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        String id = ID.format(now);
        List<String> challenges = properties.challenges();
        List<EditionSeries> series = challenges.stream().flatMap(c -> indicators.ofChallenge(c).stream())
                .map(i -> i.asOf(today)).flatMap(Optional::stream).map(i -> EditionSeries.of(id, i)).toList();
        Edition edition = new Edition(id, title, note, now, by, today,
                challenges.stream().map(c -> scorecards.of(c, today)).toList(),
                challenges.stream().flatMap(c -> scorecards.milestones(c, today).stream()).toList(),
                challenges.stream().flatMap(c -> scorecards.initiatives(c).stream()).toList());
        try {
            if (!series.isEmpty()) {
                mongo.insert(series, EditionSeries.class);
            }
            return mongo.insert(edition);
        } catch (DuplicateKeyException sameSecond) {
            throw new EditionConflictException("An edition was published this very second; wait a moment and publish again.");
        }
    }

    public List<EditionSummary> list() {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "publishedAt"));
        query.fields().exclude("challenges").exclude("milestones").exclude("initiatives");
        return mongo.find(query, Edition.class).stream()
                .map(e -> new EditionSummary(e.id(), e.title(), e.publishedAt(), e.publishedBy(), e.asOf())).toList();
    }

    public Optional<Edition> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Edition.class));
    }

    /** The indicators' series frozen with the edition; empty for an edition published before series were frozen. */
    public List<EditionSeries> seriesOf(Edition edition) {
        return mongo.find(Query.query(Criteria.where("edition").is(edition.id())), EditionSeries.class);
    }

    /** The edition published just before this one, if any. */
    public Optional<Edition> previous(Edition edition) {
        Query query = Query.query(Criteria.where("publishedAt").lt(edition.publishedAt())).with(Sort.by(Sort.Direction.DESC, "publishedAt")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Edition.class));
    }

    public record EditionSummary(String id, String title, Instant publishedAt, String publishedBy, LocalDate asOf) {
    }
}
