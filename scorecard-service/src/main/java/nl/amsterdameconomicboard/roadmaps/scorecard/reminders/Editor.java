package nl.amsterdameconomicboard.roadmaps.scorecard.reminders;

import java.util.List;

/**
 * A person who edits one or more challenges, as the realm knows them.
 *
 * @param id         the realm's user id (stable; the key of the once-a-week record)
 * @param challenges the challenges whose editor role the person has (directly, through a group or a composite role)
 */
public record Editor(String id, String username, String email, String firstName, List<String> challenges) {
}
