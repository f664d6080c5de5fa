package nl.amsterdameconomicboard.roadmaps.scorecard.stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The scorecard changes every replica has told its dashboards, in the store, so that each replica can tell its own
 * dashboards the changes another replica applied (one consumer group shares the partitions out: an event is applied by
 * one replica only). One document per challenge: a number that moves on with each change, and its latest
 * {@value #KEPT} changes. The number and the change are one atomic update of that document, so a reader never sees a
 * number without its change, nor changes out of order (a collection with one document per change would let a later
 * change become visible before an earlier one is written, and a reader would skip it). Change streams would do the
 * same, but the embedded store has none; a poll of the numbers is one query of a few small documents.
 */
@Component
class SharedChanges {

    static final String COLLECTION = "scorecard_changes";
    /** Changes kept per challenge: a replica that falls further behind is told that the challenge changed (once). */
    static final int KEPT = 100;

    /** A change of a challenge's scorecard: the event type (or repair) that caused it, its entity key, when. */
    record Change(String challenge, long number, String cause, String key, Instant at) {
    }

    private final MongoTemplate mongo;

    SharedChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the changes (each a cause and a key) as the challenge's next, in one update; returns the last one's number. */
    long record(String challenge, List<ScorecardStream.Cause> causes, Instant at) {
        Update update = new Update().inc("number", (long) causes.size());
        update.push("recent").slice(-KEPT).each(causes.stream()
                .map(cause -> new Document("cause", cause.type()).append("key", cause.key()).append("at", at.toString())).toArray());
        Query byChallenge = query(where("_id").is(challenge));
        byChallenge.fields().include("number");
        Document after = mongo.findAndModify(byChallenge, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION);
        return number(after);
    }

    /** The latest number of every challenge that has changed. */
    Map<String, Long> numbers() {
        Query all = new Query();
        all.fields().include("number");
        Map<String, Long> numbers = new HashMap<>();
        mongo.find(all, Document.class, COLLECTION).forEach(d -> numbers.put(d.getString("_id"), number(d)));
        return numbers;
    }

    /**
     * The kept changes of the challenge after number {@code after}, oldest first. The last kept change carries the
     * document's number, each one before it one less (every update pushes exactly one), so the numbers need not be
     * stored. Fewer than asked for when older ones were dropped: {@link #complete} says so.
     */
    List<Change> after(String challenge, long after) {
        Document document = mongo.findOne(query(where("_id").is(challenge)), Document.class, COLLECTION);
        List<Change> changes = new ArrayList<>();
        if (document == null) {
            return changes;
        }
        long last = number(document);
        List<Document> recent = document.getList("recent", Document.class, List.of());
        for (int i = 0; i < recent.size(); i++) {
            long number = last - (recent.size() - 1 - i);
            if (number > after) {
                Document change = recent.get(i);
                changes.add(new Change(challenge, number, change.getString("cause"), change.getString("key"), Instant.parse(change.getString("at"))));
            }
        }
        return changes;
    }

    /** Whether {@code changes} (from {@link #after}) hold every change after {@code after}. */
    static boolean complete(List<Change> changes, long after) {
        return changes.isEmpty() || changes.get(0).number() == after + 1;
    }

    private static long number(Document document) {
        Number number = document == null ? null : document.get("number", Number.class);
        return number == null ? 0L : number.longValue();
    }
}
