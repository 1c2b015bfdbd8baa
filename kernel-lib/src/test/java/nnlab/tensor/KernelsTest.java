package nnlab.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KernelsTest {
    @Test
    void scalarTanhMatchesMathTanh() {
        for (double v = -25; v <= 25; v += 0.001) {
            assertEquals(Math.tanh(v), Kernels.tanh(v), 3e-16, "at " + v);
        }
        assertEquals(-1.0, Kernels.tanh(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Kernels.tanh(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(Kernels.tanh(Double.NaN)));
    }

    @Test
    void theseTestsRunTheVectorPath() {
        // surefire starts this JVM with --add-modules jdk.incubator.vector (kernel-lib/pom.xml), so the
        // array tests below go through VectorKernels; without it they would only test the scalar loop.
        assertTrue(Kernels.VECTOR, "jdk.incubator.vector is not in this JVM: check surefire's argLine");
    }

    @Test
    void theVectorPathNeedsTheModuleAndTheOptimizingCompiler() throws Exception {
        String module = "--add-modules=jdk.incubator.vector";
        assertEquals("true", vectorGateIn(module));
        assertEquals("false", vectorGateIn());
        assertEquals("false", vectorGateIn(module, "-XX:TieredStopAtLevel=1"));   // how the grader runs students
        assertEquals("false", vectorGateIn(module, "-Xint"));
        assertEquals("false", vectorGateIn(module, "-Dnnlab.vector=false"));
    }

    /** What Kernels.VECTOR is in a new JVM started with these options. */
    private static String vectorGateIn(String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PrintVectorGate.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "exit status of " + cmd);
        return out;
    }

    @Test
    void arrayTanhAgreesWithTheScalarLoopForEveryLengthAndValue() {
        Random r = new Random(7);
        for (int n : new int[] {0, 1, 7, 255, 256, 257, 1000, 10_000}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextGaussian() * (i % 3 == 0 ? 30 : 3);
            }
            if (n > 300) {
                x[3] = Double.NaN;
                x[4] = Double.POSITIVE_INFINITY;
                x[5] = Double.NEGATIVE_INFINITY;
                x[6] = -0.0;
                x[7] = 1e-300;
                x[8] = 19.5;     // where tanh rounds to 1
            }
            double[] fast = new double[n];
            double[] slow = new double[n];
            Kernels.tanh(x, fast);
            Kernels.tanhScalar(x, slow, 0);
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(x[i])) {
                    assertTrue(Double.isNaN(fast[i]), "tanh(NaN) at " + i);
                } else {
                    assertEquals(Math.tanh(x[i]), fast[i], 3e-16, "n=" + n + ", x=" + x[i]);
                    assertEquals(slow[i], fast[i], 4e-16, "n=" + n + ", x=" + x[i]);
                }
            }
        }
    }

    @Test
    void arrayTanhMayWriteOverItsInput() {
        double[] x = {-2, -0.5, 0, 0.5, 2};
        double[] big = new double[512];
        for (int i = 0; i < big.length; i++) {
            big[i] = (i - 256) / 32.0;
        }
        double[] expected = big.clone();
        Kernels.tanhScalar(expected, expected, 0);
        Kernels.tanh(big, big);
        Kernels.tanh(x, x);
        assertEquals(Math.tanh(0.5), x[3], 3e-16);
        for (int i = 0; i < big.length; i++) {
            assertEquals(expected[i], big[i], 4e-16);
        }
    }
}
