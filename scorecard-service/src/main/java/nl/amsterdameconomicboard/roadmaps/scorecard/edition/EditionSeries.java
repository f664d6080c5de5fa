package nl.amsterdameconomicboard.roadmaps.scorecard.edition;

import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorState;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An indicator's baseline and measurements as they stood when an edition was published, frozen with it for the open
 * data of that edition. One document per edition and indicator (not inside the edition), so that no long series can
 * make an edition larger than a document may be.
 *
 * @param key {@code edition/challenge/indicator}
 */
@Document("edition_series")
public record EditionSeries(@Id String key, @Indexed String edition, String challenge, String indicator, Double baselineValue,
                            LocalDate baselineDate, List<IndicatorState.Point> measurements) {

    static EditionSeries of(String edition, IndicatorState indicator) {
        return new EditionSeries(edition + "/" + indicator.key(), edition, indicator.challenge(), indicator.indicator(),
                indicator.baselineValue(), indicator.baselineDate(), indicator.measurements());
    }
}
