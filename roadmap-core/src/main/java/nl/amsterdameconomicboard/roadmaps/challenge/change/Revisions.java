package nl.amsterdameconomicboard.roadmaps.challenge.change;

import java.util.OptionalLong;

/** Entity revisions as HTTP entity tags, for optimistic concurrency with ETag / If-Match. */
public final class Revisions {

    private Revisions() {
    }

    public static String toETag(long revision) {
        return "\"" + revision + "\"";
    }

    /** The revision an If-Match header asks for; empty when there is none or it is {@code *}. */
    public static OptionalLong fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            // If-Match compares strongly (RFC 9110): a weak tag never matches
            throw new InvalidFieldException("If-Match", "if-match.weak", ifMatch);
        }
        tag = tag.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("If-Match", "if-match.unreadable", ifMatch);
        }
    }
}
