package nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets.csv (implemented in CsvLoader). */
class CsvLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void textLabelsBecomeSortedClassIndices() throws IOException {
        Path f = write("iris.csv", "sepal,species,petal\n5.1,setosa,1.4\n7.0,versicolor,4.7\n4.9,setosa,1\n");
        Dataset ds = Datasets.csv(f, "species");
        assertEquals(Tensor.of(new double[][] {{5.1, 1.4}, {7.0, 4.7}, {4.9, 1.0}}), ds.x());
        assertEquals(Tensor.of(0, 1, 0), ds.y());
        assertEquals(List.of("setosa", "versicolor"), ds.classNames());
    }

    @Test
    void numericLabelsAreKept() throws IOException {
        Path f = write("n.csv", "a,b,label\n1,2,3\n4,5,0\n");
        Dataset ds = Datasets.csv(f, "label");
        assertEquals(Tensor.of(new double[][] {{1, 2}, {4, 5}}), ds.x());
        assertArrayEquals(new double[] {3, 0}, ds.y().toArray());
        assertNull(ds.classNames());
    }

    @Test
    void errorsNameTheColumnAndFile() throws IOException {
        Path f = write("e.csv", "a,color,label\n1,red,0\n2,blue,1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.csv(f, "y"));
        assertEquals("Datasets.csv: " + f + " has no column 'y'; its columns are [a, color, label]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.csv(f, "label"));
        assertEquals("Datasets.csv: feature column 'color' in " + f + " is not numeric (STRING); expected numbers in "
                + "every column except the label 'label'", e.getMessage());

        Path gap = write("gap.csv", "a,label\n1,0\n,1\n");
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.csv(gap, "label"));
        assertEquals("Datasets.csv: column 'a' in " + gap + " has a missing value in data row 2; expected a number "
                + "in every row", e.getMessage());

        Path none = dir.resolve("none.csv");
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.csv(none, "label"));
        assertEquals("Datasets.csv: " + none + " does not exist or is not a file", e.getMessage());
    }
}
