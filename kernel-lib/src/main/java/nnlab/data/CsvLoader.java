package nnlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nnlab.tensor.Tensor;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Reads a CSV file through Tablesaw into a {@link Dataset}; see {@link Datasets#csv(Path, String)}. */
final class CsvLoader {
    private CsvLoader() {
    }

    static Dataset load(Path file, String labelColumn) {
        if (labelColumn == null) {
            throw new IllegalArgumentException("Datasets.csv: labelColumn must not be null; expected a column name");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Datasets.csv: " + file + " does not exist or is not a file");
        }
        Table table;
        try {
            table = Table.read().csv(CsvReadOptions.builder(file.toFile()).build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Datasets.csv: cannot read " + file + " as CSV: " + e.getMessage(), e);
        }
        if (!table.columnNames().contains(labelColumn)) {
            throw new IllegalArgumentException("Datasets.csv: " + file + " has no column '" + labelColumn
                    + "'; its columns are " + table.columnNames());
        }
        int n = table.rowCount();
        List<Column<?>> features = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (c.name().equals(labelColumn)) {
                continue;
            }
            if (!(c instanceof NumericColumn<?>)) {
                throw new IllegalArgumentException("Datasets.csv: feature column '" + c.name() + "' in " + file
                        + " is not numeric (" + c.type().name()
                        + "); expected numbers in every column except the label '" + labelColumn + "'");
            }
            features.add(c);
        }
        double[] x = new double[n * features.size()];
        for (int j = 0; j < features.size(); j++) {
            NumericColumn<?> c = (NumericColumn<?>) features.get(j);
            for (int i = 0; i < n; i++) {
                x[i * features.size() + j] = value(file, c, i);
            }
        }
        Column<?> label = table.column(labelColumn);
        double[] y = new double[n];
        List<String> names = null;
        if (label instanceof NumericColumn<?> c) {
            for (int i = 0; i < n; i++) {
                y[i] = value(file, c, i);
            }
        } else {
            names = encode(file, label, y);
        }
        return new Dataset(Tensor.fromArray(x, n, features.size()), Tensor.fromArray(y, n), names);
    }

    private static double value(Path file, NumericColumn<?> c, int row) {
        if (c.isMissing(row)) {
            throw new IllegalArgumentException("Datasets.csv: column '" + c.name() + "' in " + file
                    + " has a missing value in data row " + (row + 1) + "; expected a number in every row");
        }
        return c.getDouble(row);
    }

    /** Text labels to 0..C-1 in sorted order of the distinct values; returns those values as class names. */
    private static List<String> encode(Path file, Column<?> label, double[] y) {
        Map<String, Integer> index = new TreeMap<>();
        for (int i = 0; i < y.length; i++) {
            if (label.isMissing(i)) {
                throw new IllegalArgumentException("Datasets.csv: label column '" + label.name() + "' in " + file
                        + " has a missing value in data row " + (i + 1) + "; expected a label in every row");
            }
            index.put(label.getString(i), 0);
        }
        List<String> names = new ArrayList<>(index.keySet());
        for (int k = 0; k < names.size(); k++) {
            index.put(names.get(k), k);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = index.get(label.getString(i));
        }
        return names;
    }
}
