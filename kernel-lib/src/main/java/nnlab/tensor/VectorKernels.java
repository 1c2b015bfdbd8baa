package nnlab.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API versions of {@link Kernels}' loops. Only {@link Kernels} calls this class, and only
 * when module {@code jdk.incubator.vector} is present: loading it without the module would fail.
 */
final class VectorKernels {
    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

    private VectorKernels() {
    }

    static void tanh(double[] src, double[] dst) {
        int i = 0;
        for (int end = LANES.loopBound(src.length); i < end; i += LANES.length()) {
            DoubleVector.fromArray(LANES, src, i).lanewise(VectorOperators.TANH).intoArray(dst, i);
        }
        Kernels.tanhScalar(src, dst, i);
    }
}
