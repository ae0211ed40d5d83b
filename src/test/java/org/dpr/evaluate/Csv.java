package org.dpr.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dpr.report.Table;

/** A per-frame or summary CSV for tests: the header, and each row as column → cell. */
public record Csv(List<String> header, List<Map<String, String>> rows) {

    public static Csv read(Path file) {
        Table table = Table.readCsv(file);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : table.rows()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int k = 0; k < table.header().size(); k++) {
                row.put(table.header().get(k), r.get(k));
            }
            rows.add(row);
        }
        return new Csv(table.header(), List.copyOf(rows));
    }

    /** The cell parsed as a double ("" → NaN). */
    public static double number(Map<String, String> row, String column) {
        String cell = row.get(column);
        if (cell == null) {
            throw new IllegalArgumentException("no column " + column + " in " + row.keySet());
        }
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }
}
