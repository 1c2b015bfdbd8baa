package nnlab.tensor;

/** Prints {@link Kernels#VECTOR} for {@code KernelsTest}, which starts JVMs with different options. */
final class PrintVectorGate {
    private PrintVectorGate() {
    }

    public static void main(String[] args) {
        System.out.print(Kernels.VECTOR);
    }
}
