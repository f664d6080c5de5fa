package nl.amsterdameconomicboard.roadmaps.challenge.test;

import static nl.amsterdameconomicboard.roadmaps.permissions.ServletProbe.anonymous;
import static nl.amsterdameconomicboard.roadmaps.permissions.ServletProbe.authorization;

import java.util.LinkedHashMap;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The callers of a challenge service's permission matrix, in the order of its columns: everyone the realm knows
 * (deploy/keycloak/mra-realm.json), each with a real signed token, plus a token without any role.
 */
public final class ChallengeCallers {

    /** The organisation of the partner in the initiatives the matrix probes (the test seed's heat-programme). */
    public static final String PARTNER_ORGANISATION = "ManpowerGroup";

    private ChallengeCallers() {
    }

    public static LinkedHashMap<String, RequestPostProcessor> of(String challenge) {
        TestTokens tokens = TestTokens.get();
        String otherChallenge = challenge.equals("mobility") ? "circular" : "mobility";
        LinkedHashMap<String, RequestPostProcessor> callers = new LinkedHashMap<>();
        callers.put("anonymous", anonymous());
        callers.put("no role", authorization(tokens.bearer("someone")));
        callers.put("`board`", authorization(tokens.bearer("board", "board")));
        callers.put("`partner` in it", authorization(tokens.partnerBearer("partner", PARTNER_ORGANISATION)));
        callers.put("`partner` not in it", authorization(tokens.partnerBearer("other-partner", "Another Organisation")));
        callers.put("`{c}-editor`", authorization(tokens.bearer(challenge + "-lead", challenge + "-editor")));
        callers.put("other `-editor`", authorization(tokens.bearer(otherChallenge + "-lead", otherChallenge + "-editor")));
        callers.put("`admin`", authorization(tokens.bearer("admin", "admin")));
        return callers;
    }
}
