package nnlab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import nnlab.tensor.Tensor;

/** Parses scikit-learn's {@code digits.csv.gz} (64 pixel counts 0..16, then the label 0..9, per line). */
final class DigitsCsv {
    private DigitsCsv() {
    }

    /** Parses the gzipped digits CSV (64 pixel columns, then the label) from {@code in}; closes it. */
    static Dataset parse(InputStream in, String name, List<String> classNames) {
        List<double[]> rows = new ArrayList<>();
        try (InputStream raw = in;
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                     StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                rows.add(parseLine(name, rows.size() + 1, line));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Datasets.digits: resource " + name + " is corrupt (" + e.getMessage()
                    + "); expected the gzipped CSV of scikit-learn's digits, see datasets/README.md", e);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("Datasets.digits: resource " + name + " is empty; expected 1797 lines");
        }
        int n = rows.size();
        Tensor x = Tensor.zeros(n, 64);
        Tensor y = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows.get(i), 0, x.array(), i * 64, 64);
            y.array()[i] = rows.get(i)[64];
        }
        return new Dataset(x, y, classNames);
    }

    private static double[] parseLine(String name, int lineNo, String line) {
        String[] f = line.split(",", -1);
        if (f.length != 65) {
            throw new IllegalStateException("Datasets.digits: resource " + name + " is corrupt: line " + lineNo
                    + " has " + f.length + " fields; expected 65 (64 pixels, then the label)");
        }
        double[] v = new double[65];
        for (int j = 0; j < 65; j++) {
            int max = j < 64 ? 16 : 9;
            int k;
            try {
                k = Integer.parseInt(f[j].trim());
            } catch (NumberFormatException e) {
                k = -1;
            }
            if (k < 0 || k > max) {
                throw new IllegalStateException("Datasets.digits: resource " + name + " is corrupt: line " + lineNo
                        + " field " + (j + 1) + " is '" + f[j] + "'; expected an integer 0.." + max);
            }
            v[j] = k;
        }
        return v;
    }
}
