package nl.amsterdameconomicboard.roadmaps.scorecard.repair;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorState;
import nl.amsterdameconomicboard.roadmaps.scorecard.initiative.InitiativeState;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;
import nl.amsterdameconomicboard.roadmaps.scorecard.spearhead.SpearheadState;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One challenge service's current state, read over its API and turned into the scorecard's states: the same states
 * its events build, with the service's revisions. Read as JSON trees, taking only the fields the scorecard keeps.
 */
class ChallengeService {

    /** The largest page the services give. */
    private static final int PAGE = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String challenge;
    private final String url;
    private final RestClient http;
    private final String bearerToken;

    ChallengeService(String challenge, String url, RestClient http, String bearerToken) {
        this.challenge = challenge;
        this.url = url;
        this.http = http;
        this.bearerToken = bearerToken;
    }

    String url() {
        return url;
    }

    /** Everything the scorecard keeps of this challenge, as the service has it now. */
    CurrentState read() {
        List<MilestoneState> milestones = new ArrayList<>();
        Map<String, List<MilestoneState.StatusAt>> histories = new HashMap<>();
        for (JsonNode m : pages("/milestones")) {
            String id = string(m.path("id"));
            List<MilestoneState.StatusAt> history = new ArrayList<>();
            for (JsonNode change : pages("/milestones/" + id + "/history")) {
                history.add(new MilestoneState.StatusAt(change.path("revision").asLong(), string(change.path("to")), instant(change.path("at")),
                        string(change.path("note"))));
            }
            history.sort(Comparator.comparingLong(MilestoneState.StatusAt::revision));
            histories.put(key(id), history);
            milestones.add(MilestoneState.withHistory(key(id), challenge, string(m.path("spearhead")), id, text(m.path("title"), "nl"),
                    text(m.path("title"), "en"), date(m.path("deadline")), string(m.path("status")), m.path("revision").asLong(), null,
                    instant(m.path("lastChangedAt")), history));
        }

        List<IndicatorState> indicators = new ArrayList<>();
        for (JsonNode i : pages("/indicators")) {
            String id = string(i.path("id"));
            long revision = i.path("revision").asLong();
            indicators.add(new IndicatorState(key(id), challenge, string(i.path("spearhead")), id, text(i.path("name"), "nl"),
                    text(i.path("name"), "en"), string(i.path("unit")),
                    i.path("baseline").path("value").isNumber() ? i.path("baseline").path("value").asDouble() : null,
                    date(i.path("baseline").path("date")), i.path("target").asDouble(), date(i.path("deadline")),
                    string(i.path("direction")), i.path("computed").asBoolean(), revision, announcedAt(id), series(id, revision)));
        }

        List<SpearheadState> spearheads = new ArrayList<>();
        for (JsonNode s : get("/spearheads")) {
            String code = string(s.path("code"));
            spearheads.add(new SpearheadState(key(code), challenge, code, text(s.path("title"), "nl"), text(s.path("title"), "en"),
                    s.path("position").asInt(), s.path("revision").asLong()));
        }

        List<InitiativeState> initiatives = new ArrayList<>();
        for (JsonNode i : pages("/initiatives")) {
            String id = string(i.path("id"));
            initiatives.add(new InitiativeState(key(id), challenge, string(i.path("spearhead")), id, text(i.path("title"), "nl"),
                    string(i.path("status")), i.path("partners").size(), i.path("revision").asLong(), text(i.path("title"), "en")));
        }
        return new CurrentState(milestones, histories, indicators, spearheads, initiatives);
    }

    /** The revision of every entity, to see whether anything changed while the state was read and stored. */
    Map<String, Long> revisions() {
        Map<String, Long> revisions = new HashMap<>();
        pages("/milestones").forEach(m -> revisions.put("milestone " + key(string(m.path("id"))), m.path("revision").asLong()));
        pages("/indicators").forEach(i -> revisions.put("indicator " + key(string(i.path("id"))), i.path("revision").asLong()));
        get("/spearheads").forEach(s -> revisions.put("spearhead " + key(string(s.path("code"))), s.path("revision").asLong()));
        pages("/initiatives").forEach(i -> revisions.put("initiative " + key(string(i.path("id"))), i.path("revision").asLong()));
        return revisions;
    }

    /** As a snapshot event carries it: the latest value of each day, in date order, at the indicator's revision. */
    private List<IndicatorState.Point> series(String indicator, long revision) {
        TreeMap<LocalDate, JsonNode> latestOfDay = new TreeMap<>();
        for (JsonNode m : pages("/indicators/" + indicator + "/measurements")) {
            latestOfDay.merge(date(m.path("date")), m, (a, b) -> instant(a.path("recordedAt")).isAfter(instant(b.path("recordedAt"))) ? a : b);
        }
        return latestOfDay.entrySet().stream().map(e -> new IndicatorState.Point(e.getKey(), e.getValue().path("value").asDouble(), revision,
                        string(e.getValue().path("source"))))
                .toList();
    }

    /** When the indicator was announced: its first history entry (the list is the latest first). */
    private Instant announcedAt(String indicator) {
        JsonNode first = get("/indicators/" + indicator + "/history?page=0&size=1");
        long entries = first.path("totalItems").asLong();
        JsonNode oldest = entries <= 1 ? first : get("/indicators/" + indicator + "/history?page=" + (entries - 1) + "&size=1");
        return oldest.path("items").isEmpty() ? null : instant(oldest.path("items").get(0).path("at"));
    }

    /** Every item of a paged list, page by page. */
    private List<JsonNode> pages(String path) {
        List<JsonNode> items = new ArrayList<>();
        int totalPages = 1;
        for (int page = 0; page < totalPages; page++) {
            JsonNode body = get(path + "?page=" + page + "&size=" + PAGE);
            body.path("items").forEach(items::add);
            totalPages = body.path("totalPages").asInt();
        }
        return items;
    }

    private JsonNode get(String path) {
        String body = http.get().uri(url + "/api/" + challenge + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                .retrieve().body(String.class);
        return JSON.readTree(body == null ? "null" : body);
    }

    private String key(String id) {
        return challenge + "/" + id;
    }

    private static String text(JsonNode text, String language) {
        return string(text.path(language));
    }

    private static String string(JsonNode value) {
        return value.isString() ? value.asString() : null;
    }

    private static LocalDate date(JsonNode value) {
        return value.isString() ? LocalDate.parse(value.asString()) : null;
    }

    private static Instant instant(JsonNode value) {
        return value.isString() ? Instant.parse(value.asString()) : null;
    }

    /** What the scorecard keeps of a challenge. */
    record CurrentState(List<MilestoneState> milestones, Map<String, List<MilestoneState.StatusAt>> milestoneHistories, List<IndicatorState> indicators, List<SpearheadState> spearheads,
                        List<InitiativeState> initiatives) {

        Map<String, Long> revisions() {
            Map<String, Long> revisions = new HashMap<>();
            milestones.forEach(m -> revisions.put("milestone " + m.key(), m.revision()));
            indicators.forEach(i -> revisions.put("indicator " + i.key(), i.revision()));
            spearheads.forEach(s -> revisions.put("spearhead " + s.key(), s.revision()));
            initiatives.forEach(i -> revisions.put("initiative " + i.key(), i.revision()));
            return revisions;
        }
    }
}
