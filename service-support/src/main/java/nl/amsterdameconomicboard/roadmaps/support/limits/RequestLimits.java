package nl.amsterdameconomicboard.roadmaps.support.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What a service reads from a caller at most. The largest legitimate body (an initiative with every text at its
 * 4,000-character maximum and a hundred partners) is about 40 KB; each value can be set from the environment, e.g.
 * {@code ROADMAP_LIMITS_MAX_BODY=128KB}.
 *
 * @param maxBody       the largest request body; a larger one is refused with 413 before it is parsed
 * @param maxImportBody the largest body of an import (a POST to a path ending in {@code /import}, e.g. a CSV file of
 *                      measurements): 10,000 rows of a team's spreadsheet are about 1 MB
 *                      ({@code ROADMAP_LIMITS_MAX_IMPORT_BODY})
 * @param json          what the JSON reader accepts at most, in request bodies and in anything else the service reads
 */
@ConfigurationProperties("roadmap.limits")
public record RequestLimits(@DefaultValue("64KB") DataSize maxBody, @DefaultValue("4MB") DataSize maxImportBody, @DefaultValue Json json) {

    /**
     * @param maxStringLength   characters in one string value
     * @param maxNameLength     characters in one field name
     * @param maxNestingDepth   objects and arrays inside each other
     * @param maxDocumentLength one JSON document; larger than the body limit because the service's seed is read with it too
     */
    public record Json(@DefaultValue("65536") int maxStringLength, @DefaultValue("1000") int maxNameLength,
                       @DefaultValue("32") int maxNestingDepth, @DefaultValue("1MB") DataSize maxDocumentLength) {
    }
}
