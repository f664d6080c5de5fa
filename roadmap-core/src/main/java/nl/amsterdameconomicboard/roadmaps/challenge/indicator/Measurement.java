package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import java.time.Instant;
import java.time.LocalDate;

/** One value of an indicator's time series: the value on {@code date}, where it comes from, who recorded it. */
public record Measurement(String id, LocalDate date, double value, String source, String note, String recordedBy, Instant recordedAt) {
}
