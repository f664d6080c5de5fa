package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A file of measurements as teams export it from their spreadsheets: UTF-8 (with or without the byte order mark
 * Excel writes), a header row naming the columns (English or Dutch names, any order, any case), then one row per
 * value. The separator is whichever of {@code ;} and {@code ,} the header uses; fields may be quoted ({@code "…"},
 * a quote inside doubled) and a quoted field may span lines. Numbers as Dutch spreadsheets write them are read too:
 * see {@link #number}.
 */
final class MeasurementsCsv {

    static final String INDICATOR = "indicator";
    static final String DATE = "date";
    static final String VALUE = "value";
    static final String SOURCE = "source";
    static final String NOTE = "note";
    /** The columns a file may have, each with the names it may go by; the first four are required. */
    static final Map<String, List<String>> COLUMNS = columns();

    private static final Pattern DUTCH_THOUSANDS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9.,]+");
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** One row of the file: its line (1 is the header) and its cells by column. */
    record Row(int line, Map<String, String> cells) {

        String cell(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }
    }

    /** What is wrong where: the line of the file (1 is the header) and the column (null for the whole line). */
    record Problem(int line, String field, String message) {
    }

    /** The file could not be read as a table of measurements at all; nothing in it was looked at further. */
    static final class UnreadableFileException extends RuntimeException {

        private final List<Problem> problems;

        UnreadableFileException(List<Problem> problems) {
            super(problems.get(0).message());
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }

    /**
     * The rows of a file, and per row the cells that do not fit the header.
     *
     * @param written each column's name as the file's header writes it ({@code datum} for {@link #DATE} in a Dutch file)
     */
    record Table(char separator, List<Row> rows, List<Problem> problems, Map<String, String> written) {

        boolean dutch() {
            return separator == ';';
        }

        /** The problem with its column named as the file names it, so that a Dutch file's errors say {@code datum}, not {@code date}. */
        Problem asWritten(Problem problem) {
            String name = problem.field() == null ? null : written.get(problem.field());
            return name == null ? problem : new Problem(problem.line(), name, problem.message());
        }
    }

    private MeasurementsCsv() {
    }

    static Table read(byte[] bytes) {
        String text = decode(bytes);
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        char separator = separator(firstLine(text));
        split(text, separator, records, lines);
        if (records.isEmpty()) {
            throw new UnreadableFileException(List.of(new Problem(1, null,
                    "The file is empty: it needs a header row (indicator, date, value, source, note) and a row per value.")));
        }
        List<String> columns = header(records.get(0));
        Map<String, String> written = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            written.put(columns.get(c), records.get(0).get(c).strip());
        }
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            int line = lines.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue; // spreadsheets export empty rows as ";;;;"
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                if (c < columns.size()) {
                    byColumn.put(columns.get(c), cells.get(c));
                } else if (!cells.get(c).isBlank()) {
                    problems.add(new Problem(line, null, "has " + cells.size() + " cells; the header names " + columns.size() + " columns"));
                    break;
                }
            }
            rows.add(new Row(line, byColumn));
        }
        return new Table(separator, rows, problems, written);
    }

    /**
     * A number as a spreadsheet writes it. Spaces (also the non-breaking ones) are left out. With both {@code ,} and
     * {@code .}, the last is the decimal mark and the other groups thousands ({@code 1.234,5} and {@code 1,234.5} are
     * both 1234.5). A single comma is a decimal comma ({@code 12,5}), several group thousands. A point is a decimal
     * point, except in a file separated by {@code ;} (a Dutch spreadsheet), where {@code 1.234} and {@code 1.234.567}
     * group thousands as Dutch spreadsheets write them.
     *
     * @throws NumberFormatException when it is not a number
     */
    static double number(String cell, boolean dutch) {
        String s = cell.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (!NUMBER.matcher(s).matches()) {
            throw new NumberFormatException(cell);
        }
        int comma = s.lastIndexOf(',');
        int point = s.lastIndexOf('.');
        String plain;
        if (comma >= 0 && point >= 0) {
            plain = comma > point ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            plain = s.indexOf(',') == comma ? s.replace(',', '.') : s.replace(",", "");
        } else if (point >= 0 && (s.indexOf('.') != point || dutch && DUTCH_THOUSANDS.matcher(s.replaceFirst("^[+-]", "")).matches())) {
            plain = s.replace(".", "");
        } else {
            plain = s;
        }
        return new BigDecimal(plain).doubleValue(); // refuses what is left over, e.g. "1.2.3,4,5" or "."
    }

    /**
     * A day written as {@code 2025-12-31} (ISO) or {@code 31-12-2025} (as Dutch spreadsheets write it).
     *
     * @throws DateTimeParseException when it is neither
     */
    static LocalDate date(String cell) {
        try {
            return LocalDate.parse(cell);
        } catch (DateTimeParseException iso) {
            return LocalDate.parse(cell, DUTCH_DATE);
        }
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\ufeff") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException(List.of(new Problem(1, null,
                    "The file is not UTF-8 text: save it as \"CSV UTF-8\" (Excel) or choose UTF-8 as its character set.")));
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** The separator the header uses: the more frequent of ; and , outside quotes (a comma when neither). */
    private static char separator(String header) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** RFC 4180 records; each record's line is the line it starts on. */
    private static void split(String text, char separator, List<List<String>> records, List<Integer> lines) {
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
                any = true;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    record.add(field.toString());
                    records.add(record);
                    lines.add(recordLine);
                }
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
            lines.add(recordLine);
        }
    }

    /** The columns of the header, by their English names; an unknown or missing column makes the file unreadable. */
    private static List<String> header(List<String> cells) {
        List<String> columns = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String cell : cells) {
            String name = cell.strip().toLowerCase(Locale.ROOT);
            String column = COLUMNS.entrySet().stream().filter(e -> e.getValue().contains(name)).map(Map.Entry::getKey).findFirst().orElse(null);
            if (column == null) {
                problems.add(new Problem(1, cell.strip(), "is not a column of a measurement; the columns are indicator, date, value, source "
                        + "and note (or in Dutch: indicator, datum, waarde, bron, toelichting)"));
            } else if (columns.contains(column)) {
                problems.add(new Problem(1, column, "appears twice in the header"));
            }
            columns.add(column);
        }
        for (String required : List.of(INDICATOR, DATE, VALUE, SOURCE)) {
            if (!columns.contains(required)) {
                problems.add(new Problem(1, required, "is missing from the header row"));
            }
        }
        if (!problems.isEmpty()) {
            throw new UnreadableFileException(problems);
        }
        return columns;
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put(INDICATOR, List.of("indicator"));
        columns.put(DATE, List.of("date", "datum"));
        columns.put(VALUE, List.of("value", "waarde"));
        columns.put(SOURCE, List.of("source", "bron"));
        columns.put(NOTE, List.of("note", "toelichting", "opmerking"));
        return columns;
    }
}
