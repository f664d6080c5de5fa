package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.events.PendingEvent;
import nl.amsterdameconomicboard.roadmaps.challenge.events.SnapshotSource;
import nl.amsterdameconomicboard.roadmaps.challenge.events.Snapshots;
import nl.amsterdameconomicboard.roadmaps.challenge.history.HistoryEntry;
import nl.amsterdameconomicboard.roadmaps.challenge.revision.RevisionedWrites;
import nl.amsterdameconomicboard.roadmaps.challenge.security.Editor;
import nl.amsterdameconomicboard.roadmaps.challenge.spearhead.SpearheadRepository;
import nl.amsterdameconomicboard.roadmaps.challenge.web.InvalidFieldException;
import nl.amsterdameconomicboard.roadmaps.challenge.web.PageOf;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** The initiatives of this challenge, their partners and their progress. */
@Service
public class Initiatives implements SnapshotSource {

    static final String KIND = "Initiative";

    private final MongoTemplate mongo;
    private final ChallengeProperties challenge;
    private final RevisionedWrites writes;
    private final SpearheadRepository spearheads;
    private final ApplicationEventPublisher events;
    private final Snapshots snapshots;
    private final Clock clock;

    Initiatives(MongoTemplate mongo, ChallengeProperties challenge, RevisionedWrites writes, SpearheadRepository spearheads,
                ApplicationEventPublisher events, Snapshots snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.mongo = mongo;
        this.challenge = challenge;
        this.writes = writes;
        this.spearheads = spearheads;
        this.events = events;
        this.clock = clock;
    }

    public PageOf<Initiative> list(String spearhead, String tag, int page, int size) {
        Query query = new Query();
        if (spearhead != null) {
            query.addCriteria(Criteria.where("spearhead").is(spearhead));
        }
        if (tag != null) {
            query.addCriteria(Criteria.where("tags").is(tag));
        }
        return PageOf.read(mongo, query, Sort.by("createdAt", "_id"), page, size, Initiative.class, i -> i);
    }

    public Optional<Initiative> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Initiative.class));
    }

    @Override
    public int announceAll(String by) {
        return snapshots.announce(Initiative.class, Initiative::id, Initiative::revision,
                (i, revision) -> InitiativeEvents.changed(challenge.code(), i, "snapshot", null, by, clock.instant(), revision));
    }

    /** A new initiative, with its first history entry and the event announcing it, in one insert. */
    public Initiative create(InitiativeRequest request, String by) {
        if (request.id() == null) {
            throw new InvalidFieldException("id", "must be given for a new initiative");
        }
        validate(request);
        Instant now = clock.instant();
        Initiative draft = fromRequest(request.id(), request, List.of(), now, 1, List.of(), List.of());
        Initiative created = fromRequest(request.id(), request, List.of(), now, 1,
                List.of(new HistoryEntry(now, by, "created", null, 1)),
                List.of(InitiativeEvents.changed(challenge.code(), draft, "created", null, by, now, 1)));
        try {
            mongo.insert(created);
        } catch (DuplicateKeyException e) {
            throw new InvalidFieldException("id", "'" + request.id() + "' is taken by another initiative");
        }
        events.publishEvent(new RegisterChanged(created.id()));
        return created;
    }

    public Initiative update(String id, InitiativeRequest request, String by, OptionalLong expectedRevision) {
        if (request.id() != null && !request.id().equals(id)) {
            throw new InvalidFieldException("id", "cannot be changed (the URL names '" + id + "')");
        }
        validate(request);
        Initiative updated = writes.apply(Initiative.class, KIND, id, expectedRevision, Initiative::revision, current -> {
            long revision = current.revision() + 1;
            Instant now = clock.instant();
            Initiative changed = fromRequest(id, request, current.progress(), current.createdAt(), revision, current.history(), List.of());
            return update(changed)
                    .set("revision", revision)
                    .push("history", new HistoryEntry(now, by, "changed", differences(current, changed), revision))
                    .push("pendingEvents", InitiativeEvents.changed(challenge.code(), changed, "changed", null, by, now, revision));
        });
        events.publishEvent(new RegisterChanged(id));
        return updated;
    }

    /** A progress update: by a partner organisation of this initiative, or by the challenge team. */
    public Initiative reportProgress(String id, ProgressRequest request, Editor editor, String organisation, boolean team) {
        return writes.apply(Initiative.class, KIND, id, OptionalLong.empty(), Initiative::revision, current -> {
            if (!team && !current.hasPartner(organisation)) {
                throw new AccessDeniedException("Only partners of '" + id + "' post progress on it; "
                        + (organisation == null ? "your token names no organisation." : organisation + " is not one of them."));
            }
            long revision = current.revision() + 1;
            Instant now = clock.instant();
            ProgressUpdate update = new ProgressUpdate(UUID.randomUUID().toString(), now, editor.username(), organisation, request.text().strip());
            return new Update().push("progress", update).set("revision", revision)
                    .push("history", new HistoryEntry(now, editor.username(), "progress reported", update.text(), revision))
                    .push("pendingEvents", InitiativeEvents.changed(challenge.code(), current, "progress", update.text(),
                            editor.username(), now, revision));
        });
    }

    private void validate(InitiativeRequest request) {
        if (!spearheads.existsById(request.spearhead())) {
            throw new InvalidFieldException("spearhead", "'" + request.spearhead() + "' is not a spearhead of " + challenge.code());
        }
        if (request.startDate() != null && request.endDate() != null && request.endDate().isBefore(request.startDate())) {
            throw new InvalidFieldException("endDate", "must not be before startDate");
        }
    }

    private static Initiative fromRequest(String id, InitiativeRequest r, List<ProgressUpdate> progress, Instant createdAt, long revision,
                                          List<HistoryEntry> history, List<PendingEvent> pending) {
        return new Initiative(id, r.spearhead(), text(r.title()), r.description() == null ? null : text(r.description()),
                r.startDate(), r.endDate(), r.status(), orEmpty(r.links()), orEmpty(r.partners()), orEmpty(r.tags()), progress,
                createdAt, revision, history, pending);
    }

    private static Update update(Initiative i) {
        return new Update().set("spearhead", i.spearhead()).set("title", i.title()).set("description", i.description())
                .set("startDate", i.startDate()).set("endDate", i.endDate()).set("status", i.status()).set("links", i.links())
                .set("partners", i.partners()).set("tags", i.tags());
    }

    private static String differences(Initiative before, Initiative after) {
        List<String> changed = new ArrayList<>();
        if (!before.spearhead().equals(after.spearhead())) changed.add("spearhead");
        if (!before.title().equals(after.title())) changed.add("title");
        if (!Objects.equals(before.description(), after.description())) changed.add("description");
        if (!Objects.equals(before.startDate(), after.startDate()) || !Objects.equals(before.endDate(), after.endDate())) changed.add("period");
        if (before.status() != after.status()) changed.add("status " + before.status() + " → " + after.status());
        if (!before.links().equals(after.links())) changed.add("links");
        if (!before.partners().equals(after.partners())) changed.add("partners");
        if (!before.tags().equals(after.tags())) changed.add("tags");
        return changed.isEmpty() ? "no change" : String.join(", ", changed);
    }

    private static BilingualText text(InitiativeRequest.Text text) {
        return new BilingualText(text.nl().strip(), text.en() == null ? null : text.en().strip());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
