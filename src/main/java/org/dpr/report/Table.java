package org.dpr.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A small immutable table of text cells — a header and rows of the same width — that reports
 * write as Markdown (for people and READMEs), CSV (RFC 4180, for spreadsheets and scripts) or HTML
 * (through {@link HtmlPage}). Cells are plain text; each writer escapes what its format needs.
 *
 * @param header column names
 * @param rows   rows, each as wide as the header
 */
public record Table(List<String> header, List<List<String>> rows) {

    public Table {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(rows, "rows");
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        header = List.copyOf(header);
        List<List<String>> copied = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row " + copied.size() + " has " + row.size() + " cells, the header "
                        + header.size() + ": " + row);
            }
            copied.add(List.copyOf(row));
        }
        rows = List.copyOf(copied);
    }

    /** An empty table with these column names. */
    public static Table withHeader(String... columns) {
        return new Table(Arrays.asList(columns), List.of());
    }

    /** This table with one more row. */
    public Table withRow(String... cells) {
        return withRow(Arrays.asList(cells));
    }

    /** This table with one more row. */
    public Table withRow(List<String> cells) {
        List<List<String>> more = new ArrayList<>(rows);
        more.add(cells);
        return new Table(header, more);
    }

    /**
     * GitHub-flavoured Markdown: a header row, a separator and one line per row; '|' and '\' in
     * cells are escaped and line breaks become spaces.
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        appendMarkdownRow(sb, header);
        sb.append('|');
        for (int i = 0; i < header.size(); i++) {
            sb.append(" --- |");
        }
        sb.append('\n');
        for (List<String> row : rows) {
            appendMarkdownRow(sb, row);
        }
        return sb.toString();
    }

    private static void appendMarkdownRow(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String cell : cells) {
            String text = cell == null ? "" : cell.replace("\\", "\\\\").replace("|", "\\|")
                    .replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
            sb.append(' ').append(text).append(" |");
        }
        sb.append('\n');
    }

    /**
     * CSV per RFC 4180: comma-separated, CRLF line ends, fields holding a comma, quote or line
     * break quoted with quotes doubled; a null cell is empty.
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        appendCsvRow(sb, header);
        for (List<String> row : rows) {
            appendCsvRow(sb, row);
        }
        return sb.toString();
    }

    private static void appendCsvRow(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(cell);
            }
        }
        sb.append("\r\n");
    }

    /** Writes {@link #toMarkdown()} to a file (UTF-8, atomically). */
    public Path writeMarkdown(Path file) {
        AtomicFiles.writeString(file, toMarkdown());
        return file;
    }

    /**
     * Parses CSV as {@link #toCsv()} writes it (RFC 4180: quoted fields may hold commas, doubled
     * quotes and line breaks; CRLF or LF line ends): the first record is the header.
     *
     * @throws IllegalArgumentException if the text is empty, a quote is left open or a row is not as
     *                                  wide as the header
     */
    public static Table fromCsv(String text) {
        Objects.requireNonNull(text, "text");
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                fields.add(cell.toString());
                cell.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("CSV ends inside a quoted field");
        }
        if (cell.length() > 0 || !fields.isEmpty()) {
            fields.add(cell.toString());
            records.add(fields);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("CSV is empty: no header");
        }
        return new Table(records.get(0), records.subList(1, records.size()));
    }

    /** Reads a CSV file ({@link #fromCsv(String)}). */
    public static Table readCsv(Path file) {
        try {
            return fromCsv(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The index of a column. @throws IllegalArgumentException if there is none of that name */
    public int column(String name) {
        int k = header.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("no column '" + name + "' among " + header);
        }
        return k;
    }

    /** Writes {@link #toCsv()} to a file (UTF-8, atomically). */
    public Path writeCsv(Path file) {
        AtomicFiles.writeString(file, toCsv());
        return file;
    }
}
