package nl.amsterdameconomicboard.roadmaps.scorecard.reminders;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The once-a-week rule, kept in the store: a claim per person, taken by one conditional write. */
@Component
class DigestSendings {

    private final MongoTemplate mongo;

    DigestSendings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Claims the person's digest for {@code now}: succeeds only if nobody was sent one after {@code notAfter}. The write
     * matches the person's document only when its last sending is old enough; when it is too recent the upsert tries
     * to insert a second document with the same id and the store refuses it, so of two instances only one wins.
     *
     * @return the claim, with the previous sending (to give the claim back if the mail cannot be sent); empty if refused
     */
    Optional<Claim> claim(Editor editor, Instant now, Instant notAfter) {
        try {
            DigestSending previous = mongo.findAndModify(
                    query(where("_id").is(editor.id()).orOperator(where("lastSentAt").lte(notAfter), where("lastSentAt").exists(false))),
                    new Update().set("lastSentAt", now).set("username", editor.username()).set("email", editor.email()),
                    FindAndModifyOptions.options().upsert(true).returnNew(false), DigestSending.class);
            return Optional.of(new Claim(editor.id(), now, previous == null ? null : previous.lastSentAt()));
        } catch (DuplicateKeyException tooRecent) {
            return Optional.empty();
        }
    }

    /** The mail did not go out: the claim is given back, unless another sending replaced it meanwhile. */
    void release(Claim claim) {
        Criteria ours = where("_id").is(claim.person()).and("lastSentAt").is(claim.at());
        if (claim.previous() == null) {
            mongo.remove(query(ours), DigestSending.class);
        } else {
            mongo.updateFirst(query(ours), new Update().set("lastSentAt", claim.previous()), DigestSending.class);
        }
    }

    Optional<DigestSending> of(String person) {
        return Optional.ofNullable(mongo.findById(person, DigestSending.class));
    }

    record Claim(String person, Instant at, Instant previous) {
    }
}
