package nl.amsterdameconomicboard.roadmaps.scorecard.opendata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The open data as CSV (RFC 4180: commas, double quotes, CRLF, UTF-8, a header row): one row per measurement, the
 * indicator's columns repeated on each; an indicator without measurements has one row with the measurement columns
 * empty. The columns and their order are a published contract (README "Open data"): add new ones at the end only.
 */
final class OpenDataCsv {

    static final List<String> COLUMNS = List.of("challenge", "spearhead", "indicator", "name_nl", "name_en", "unit", "direction",
            "computed", "baseline_value", "baseline_date", "target", "deadline", "latest_value", "latest_date", "progress",
            "trend_per_year", "projected_value", "on_course", "target_met", "measurement_date", "measurement_value", "measurement_source");

    private OpenDataCsv() {
    }

    static String of(OpenDataset dataset) {
        StringBuilder csv = new StringBuilder();
        line(csv, COLUMNS);
        for (OpenIndicator i : dataset.indicators()) {
            List<String> indicator = List.of(text(i.challenge()), text(i.spearhead()), text(i.indicator()), text(i.nameNl()), text(i.nameEn()),
                    text(i.unit()), text(i.direction()), Boolean.toString(i.computed()), number(i.baselineValue()), value(i.baselineDate()),
                    number(i.target()), value(i.deadline()), number(i.latestValue()), value(i.latestDate()), number(i.progress()),
                    number(i.trendPerYear()), number(i.projectedValue()), value(i.onCourse()), Boolean.toString(i.targetMet()));
            if (i.measurements().isEmpty()) {
                line(csv, with(indicator, "", "", ""));
            }
            for (OpenIndicator.OpenMeasurement m : i.measurements()) {
                line(csv, with(indicator, m.date().toString(), number(m.value()), text(m.source())));
            }
        }
        return csv.toString();
    }

    private static List<String> with(List<String> indicator, String... measurement) {
        List<String> row = new ArrayList<>(indicator);
        row.addAll(List.of(measurement));
        return row;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(quoted(cells.get(i)));
        }
        csv.append("\r\n");
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /**
     * Text as typed by people; one that a spreadsheet would run as a formula (=, +, -, @, tab, return first) gets a
     * leading apostrophe, as the dashboard's CSV does, so that opening the file never runs what a source field says.
     */
    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** Numbers as plain decimals with a point, never in exponent form (1.0E7 is not what a spreadsheet reads). */
    private static String number(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String value(Object value) {
        return value == null ? "" : value.toString();
    }
}
