package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Author;
import nl.amsterdameconomicboard.roadmaps.challenge.change.ChangeWriter;
import nl.amsterdameconomicboard.roadmaps.challenge.change.ConcurrentChangeException;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Entries;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Refusal;
import nl.amsterdameconomicboard.roadmaps.challenge.change.StaleRevisionException;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.Indicator.ImportedValue;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.MeasurementsCsv.Problem;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.MeasurementsCsv.Row;
import nl.amsterdameconomicboard.roadmaps.support.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Imports a file of measurements ({@link MeasurementsCsv}): every row is checked first, by the rules of a single
 * {@code POST …/measurements} ({@link MeasurementRequest}'s constraints, then {@link Indicator#recordAll}, which
 * refuses what {@link Indicator#record} refuses); only a file without errors is written. A row equal to a stored value
 * (or to an earlier row of the file) is unchanged, so the same file twice changes nothing the second time.
 *
 * <p>Without multi-document transactions, "all or nothing" is kept like this: nothing is written before every row
 * passed, and then each indicator's new values are one guarded change of that indicator (state, history entry, event
 * and its values together; at most {@value #VALUES_PER_CHANGE} values per change, so no document grows large). A
 * crash half-way leaves some indicators written and others not, every written one complete; since each write only adds
 * what is not stored yet, running the same file again writes exactly the rest. A concurrent change of an indicator is
 * met by reading it again (its stored values included) and deciding again.
 */
@Service
public class MeasurementImport {

    /** The most values one change of an indicator carries, keeping its document (where they wait to be copied) bounded. */
    static final int VALUES_PER_CHANGE = 2000;
    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final ChallengeProperties challenge;
    private final ChangeWriter writer;
    private final Entries entries;
    private final Validator validator;
    private final Clock clock;

    MeasurementImport(MongoTemplate mongo, ChallengeProperties challenge, ChangeWriter writer, Entries entries, Validator validator,
                      Clock clock) {
        this.mongo = mongo;
        this.challenge = challenge;
        this.writer = writer;
        this.entries = entries;
        this.validator = validator;
        this.clock = clock;
    }

    /** What one row comes to: a new value, one stored already, or errors. */
    public enum Outcome { NEW, UNCHANGED, ERROR }

    public record RowReport(int line, String indicator, LocalDate date, Double value, Outcome outcome, List<Problem> errors) {
    }

    /** Per indicator: the values the import adds and, after a real run, the indicator's revision. */
    public record IndicatorReport(String indicator, int added, int unchanged, Long revision) {
    }

    /**
     * @param rows only for a dry run: every row with its outcome
     */
    public record Report(boolean dryRun, int total, int added, int unchanged, int errors, List<IndicatorReport> indicators,
                         List<RowReport> rows) {
    }

    /** The file has rows with errors: nothing was written. */
    public static final class RowErrorsException extends RuntimeException {

        private final List<Problem> problems;

        RowErrorsException(List<Problem> problems) {
            super(problems.size() + (problems.size() == 1 ? " error" : " errors") + " in the file; nothing was imported.");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    public Report run(byte[] file, boolean dryRun, boolean confirmImplausible, String by) {
        MeasurementsCsv.Table table;
        try {
            table = MeasurementsCsv.read(file);
        } catch (MeasurementsCsv.UnreadableFileException unreadable) {
            throw new RowErrorsException(unreadable.problems());
        }
        Author author = new Author(challenge.code(), by, clock.instant());
        List<Checked> checked = table.rows().stream().map(row -> check(row, table.dutch())).toList();
        table.problems().forEach(p -> checked.stream().filter(c -> c.row.line() == p.line()).forEach(c -> c.errors.add(p)));

        Map<String, Indicator> known = mongo.find(query(where("_id").in(checked.stream().map(c -> c.indicator).distinct().toList())),
                Indicator.class).stream().collect(Collectors.toMap(Indicator::id, Function.identity()));
        Map<String, List<Checked>> byIndicator = new LinkedHashMap<>();
        for (Checked c : checked) {
            if (c.indicator.isEmpty()) {
                continue;
            }
            if (!known.containsKey(c.indicator)) {
                c.errors.add(new Problem(c.row.line(), MeasurementsCsv.INDICATOR,
                        Problems.inClientLanguage("no indicator '" + c.indicator + "' in the challenge " + challenge.code(),
                                "geen indicator '" + c.indicator + "' in de uitdaging " + challenge.code())));
            } else {
                byIndicator.computeIfAbsent(c.indicator, i -> new ArrayList<>()).add(c);
            }
        }
        Map<String, List<ImportedValue>> added = new LinkedHashMap<>();
        byIndicator.forEach((id, rows) -> added.put(id, plan(known.get(id), rows, confirmImplausible, author)));

        checked.forEach(c -> c.errors.replaceAll(table::asWritten));
        List<Problem> errors = checked.stream().flatMap(c -> c.errors.stream()).toList();
        if (!errors.isEmpty() && !dryRun) {
            throw new RowErrorsException(errors);
        }
        List<IndicatorReport> indicators = new ArrayList<>();
        byIndicator.forEach((id, rows) -> {
            int adding = (int) rows.stream().filter(c -> c.errors.isEmpty() && c.isNew).count();
            int same = (int) rows.stream().filter(c -> c.errors.isEmpty() && !c.isNew).count();
            Long revision = dryRun ? null : write(id, added.get(id), author);
            indicators.add(new IndicatorReport(id, adding, same, revision));
        });
        int newRows = (int) checked.stream().filter(c -> c.errors.isEmpty() && c.isNew).count();
        int errorRows = (int) checked.stream().filter(c -> !c.errors.isEmpty()).count();
        List<RowReport> rows = dryRun ? checked.stream().map(Checked::report).toList() : null;
        return new Report(dryRun, checked.size(), newRows, checked.size() - newRows - errorRows, errorRows, indicators, rows);
    }

    /** A row read and checked against the rules of a single measurement. */
    private static final class Checked {
        final Row row;
        final String indicator;
        final List<Problem> errors = new ArrayList<>();
        MeasurementRequest request;
        boolean isNew;

        Checked(Row row) {
            this.row = row;
            this.indicator = row.cell(MeasurementsCsv.INDICATOR);
        }

        ImportedValue value() {
            return new ImportedValue(request.date(), request.value(), request.source().strip(),
                    request.note() == null || request.note().isBlank() ? null : request.note().strip());
        }

        RowReport report() {
            Outcome outcome = !errors.isEmpty() ? Outcome.ERROR : isNew ? Outcome.NEW : Outcome.UNCHANGED;
            return new RowReport(row.line(), indicator, request == null ? null : request.date(), request == null ? null : request.value(),
                    outcome, List.copyOf(errors));
        }
    }

    private Checked check(Row row, boolean dutch) {
        Checked c = new Checked(row);
        int line = row.line();
        if (c.indicator.isEmpty()) {
            c.errors.add(new Problem(line, MeasurementsCsv.INDICATOR, Problems.inClientLanguage("must name the indicator", "moet de indicator noemen")));
        }
        LocalDate date = null;
        String dateCell = row.cell(MeasurementsCsv.DATE);
        if (!dateCell.isEmpty()) {
            try {
                date = MeasurementsCsv.date(dateCell);
            } catch (DateTimeParseException e) {
                c.errors.add(new Problem(line, MeasurementsCsv.DATE, Problems.inClientLanguage("'" + dateCell + "' is not a day: write 2025-12-31 or 31-12-2025",
                        "'" + dateCell + "' is geen dag: schrijf 31-12-2025 of 2025-12-31")));
            }
        }
        Double value = null;
        String valueCell = row.cell(MeasurementsCsv.VALUE);
        if (!valueCell.isEmpty()) {
            try {
                value = MeasurementsCsv.number(valueCell, dutch);
            } catch (NumberFormatException e) {
                c.errors.add(new Problem(line, MeasurementsCsv.VALUE, Problems.inClientLanguage("'" + valueCell + "' is not a number: write 1234,5 or 1234.5",
                        "'" + valueCell + "' is geen getal: schrijf 1234,5 of 1234.5")));
            }
        }
        boolean unreadable = !c.errors.isEmpty();
        String note = row.cell(MeasurementsCsv.NOTE);
        MeasurementRequest request = new MeasurementRequest(date, value, row.cell(MeasurementsCsv.SOURCE), note.isEmpty() ? null : note, null);
        // the rules of a single measurement, worded as POST …/measurements words them; a cell that did not parse is reported once
        for (ConstraintViolation<MeasurementRequest> violation : validator.validate(request)) {
            String column = violation.getPropertyPath().toString();
            if (!(unreadable && c.errors.stream().anyMatch(p -> column.equals(p.field())))) {
                c.errors.add(new Problem(line, column, violation.getMessage()));
            }
        }
        c.errors.sort(Comparator.comparing(p -> List.copyOf(MeasurementsCsv.COLUMNS.keySet()).indexOf(p.field())));
        if (c.errors.isEmpty()) {
            c.request = request;
        }
        return c;
    }

    /**
     * The values of an indicator's rows that are not stored yet (each once), after the indicator's own rule for them:
     * a refusal (a computed indicator) becomes an error of each of its rows.
     */
    private List<ImportedValue> plan(Indicator indicator, List<Checked> rows, boolean confirmImplausible, Author author) {
        List<Measurement> series = series(indicator);
        Set<ImportedValue> known = stored(series);
        List<ImportedValue> adding = new ArrayList<>();
        for (Checked c : rows) {
            if (c.errors.isEmpty()) {
                ImportedValue value = c.value();
                String misfit = indicator.quantity().refusal(value.value());
                if (misfit != null) {
                    c.errors.add(new Problem(c.row.line(), MeasurementsCsv.VALUE, Refusal.wording(LocaleContextHolder.getLocale(), misfit,
                            indicator.unitWords())));
                    continue;
                }
                Optional<Indicator.KnownRange> range = indicator.implausibleRange(value.value());
                if (range.isPresent() && !confirmImplausible) {
                    c.errors.add(new Problem(c.row.line(), MeasurementsCsv.VALUE, Refusal.wording(LocaleContextHolder.getLocale(),
                            "import.implausible", range.get().low(), range.get().high(), indicator.unitWords())));
                    continue;
                }
                c.isNew = known.add(value);
                if (c.isNew) {
                    adding.add(value);
                }
            }
        }
        if (!adding.isEmpty()) {
            try {
                indicator.recordAll(adding, series, author); // decided, not written: the same rule the write applies
            } catch (Refusal refused) {
                rows.forEach(c -> c.errors.add(new Problem(c.row.line(), MeasurementsCsv.INDICATOR, refused.message(LocaleContextHolder.getLocale()))));
                return List.of();
            }
        }
        return adding;
    }

    /** Writes what is not stored yet, a change per {@value #VALUES_PER_CHANGE} values; returns the indicator's revision. */
    private long write(String id, List<ImportedValue> values, Author author) {
        for (int attempt = 1; ; attempt++) {
            Indicator current = mongo.findById(id, Indicator.class);
            List<Measurement> series = series(current);
            Set<ImportedValue> stored = stored(series);
            List<ImportedValue> missing = values.stream().filter(v -> !stored.contains(v)).toList();
            if (missing.isEmpty()) {
                return current.revision();
            }
            List<ImportedValue> part = missing.subList(0, Math.min(VALUES_PER_CHANGE, missing.size()));
            try {
                writer.apply(Indicator.class, Indicators.KIND, id, OptionalLong.of(current.revision()), c -> c.recordAll(part, series, author));
                attempt = 0; // written: on with the rest
            } catch (StaleRevisionException changedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw new ConcurrentChangeException(Indicators.KIND, id);
                }
            }
        }
    }

    private List<Measurement> series(Indicator indicator) {
        return entries.all(indicator, Indicator.MEASUREMENTS, Measurement.class, Entries.NEWEST_FIRST);
    }

    private static Set<ImportedValue> stored(List<Measurement> series) {
        return series.stream().map(ImportedValue::of).collect(Collectors.toCollection(HashSet::new));
    }
}
