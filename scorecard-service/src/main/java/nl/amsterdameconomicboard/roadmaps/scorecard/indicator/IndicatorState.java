package nl.amsterdameconomicboard.roadmaps.scorecard.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** The scorecard's copy of an indicator: its definition and its measurements, from its events only. */
@Document("indicator_states")
public record IndicatorState(
        @Id String key,
        @Indexed String challenge,
        String spearhead,
        String indicator,
        String nameNl,
        String nameEn,
        String unit,
        Double baselineValue,
        LocalDate baselineDate,
        double target,
        LocalDate deadline,
        String direction,
        boolean computed,
        long revision,
        Instant announcedAt,
        List<Point> measurements) {

    public IndicatorState {
        measurements = measurements == null ? List.of() : measurements; // announced, not yet measured
    }

    /**
     * One measurement: the value on a day.
     *
     * @param source where the value comes from, as recorded with it; null where only a snapshot told the value (a
     *               snapshot's series carries no sources)
     */
    public record Point(LocalDate date, double value, long revision, String source) {

        public Point(LocalDate date, double value, long revision) {
            this(date, value, revision, null);
        }
    }

    public boolean up() {
        return !"DOWN".equals(direction);
    }

    /** The indicator with the measurements known at the end of {@code day}; empty if not announced yet. */
    public Optional<IndicatorState> asOf(LocalDate day) {
        if (announcedAt != null && announcedAt.isAfter(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return Optional.empty();
        }
        return Optional.of(new IndicatorState(key, challenge, spearhead, indicator, nameNl, nameEn, unit, baselineValue, baselineDate, target,
                deadline, direction, computed, revision, announcedAt, measurements.stream().filter(p -> !p.date().isAfter(day)).toList()));
    }
}
