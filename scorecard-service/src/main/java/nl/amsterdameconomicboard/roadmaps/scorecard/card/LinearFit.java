package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Ordinary least squares of value over time (in days): the projection method of the scorecard. It needs two
 * points on different days; with fewer there is no trend to speak of.
 */
record LinearFit(double slopePerDay, double intercept) {

    record Point(LocalDate date, double value) {
    }

    static Optional<LinearFit> of(List<Point> points) {
        int n = points.size();
        if (n < 2) {
            return Optional.empty();
        }
        double meanX = points.stream().mapToLong(p -> p.date().toEpochDay()).average().orElseThrow();
        double meanY = points.stream().mapToDouble(Point::value).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (Point p : points) {
            double dx = p.date().toEpochDay() - meanX;
            sxx += dx * dx;
            sxy += dx * (p.value() - meanY);
        }
        if (sxx == 0) {
            return Optional.empty(); // every point on the same day
        }
        double slope = sxy / sxx;
        return Optional.of(new LinearFit(slope, meanY - slope * meanX));
    }

    double at(LocalDate date) {
        return intercept + slopePerDay * date.toEpochDay();
    }

    double perYear() {
        return slopePerDay * 365.25;
    }
}
