package nl.amsterdameconomicboard.roadmaps.scorecard.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every indicator of every challenge as open data, today's or as an edition published them, with the licence under
 * which anyone may reuse them.
 *
 * @param asOf    the day the figures describe
 * @param edition the edition these figures were published in; null for today's
 */
public record OpenDataset(String title, String publisher, Licence licence, Instant generatedAt, LocalDate asOf, EditionRef edition,
                          List<OpenIndicator> indicators) {

    static final Licence LICENCE = new Licence("CC BY 4.0", "Creative Commons Attribution 4.0 International",
            "https://creativecommons.org/licenses/by/4.0/", "Amsterdam Economic Board, Board Roadmaps");

    /** @param attribution how a reuser names the source */
    public record Licence(String id, String name, String url, String attribution) {
    }

    public record EditionRef(String id, String title, Instant publishedAt, LocalDate asOf) {
    }
}
