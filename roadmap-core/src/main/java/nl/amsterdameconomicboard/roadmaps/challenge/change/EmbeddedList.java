package nl.amsterdameconomicboard.roadmaps.challenge.change;

import java.util.List;

/**
 * A list that an older version kept inside the entity's document, now in {@code collection}; the document keeps the
 * latest {@link Recent#KEPT} (in {@code order}) as {@code recentField} and their number as {@code countField}.
 * See {@link ChangeWriter#moveEmbedded}.
 *
 * @param recordedAtField the element's time, which its history entry shares: that entry gives the element's revision
 */
public record EmbeddedList(String field, String collection, String recentField, String countField, String recordedAtField,
                           List<String> order) {
}
