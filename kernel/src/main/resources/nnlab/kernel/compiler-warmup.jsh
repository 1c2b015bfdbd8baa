// Cells the kernel compiles, and never runs, while the student reads (nnlab.kernel.CompilerWarmup): the shapes the
// course's cells have (methods, records, checks with lambdas and string concatenation, charts, tensors, a layer
// class, collections and streams, assignments), so javac has compiled its own code and read nnlab's and the JDK's
// classes before the student's first cells. Each cell ends at a line "//--" and stands alone: what it declares is
// dropped as soon as it has been compiled. Every name starts with nnlabWarmup or NnlabWarmup. CompilerWarmupTest
// runs these cells for real: they must compile and run without an error.
double nnlabWarmupF(double x, double y) {
    return x * x + y * y + x * (y + 2) + Math.cos(3 * x);
}

double[] nnlabWarmupGrad(double x, double y) {
    double dfdx = 2 * x + y + 2 - 3 * Math.sin(3 * x);
    return new double[] {dfdx, 2 * y + x};
}
/** A run of gradient descent. */
record NnlabWarmupRun(double x, double y, List<double[]> history) {
    double[] xs() {
        return history.stream().mapToDouble(p -> p[0]).toArray();
    }

    double f() {
        return nnlabWarmupF(x, y);
    }
}

NnlabWarmupRun nnlabWarmupDescend(double x, double y, double eta, int steps) {
    List<double[]> h = new ArrayList<>();
    h.add(new double[] {x, y});
    for (int t = 0; t < steps; t++) {
        double[] g = nnlabWarmupGrad(x, y);
        x -= eta * g[0];
        y -= eta * g[1];
        h.add(new double[] {x, y});
    }
    return new NnlabWarmupRun(x, y, h);
}
boolean nnlabWarmupCheck(boolean ok, String hint) {
    if (!ok) {
        throw new AssertionError(hint);
    }
    return true;
}

boolean nnlabWarmupDone(Runnable r) {
    try {
        r.run();
        return true;
    } catch (UnsupportedOperationException e) {
        return false;
    }
}
nnlabWarmupCheck(nnlabWarmupDone(() -> nnlabWarmupGrad(0, 0)), "nnlabWarmupGrad is not implemented yet");
NnlabWarmupRun nnlabWarmupA = nnlabWarmupDescend(3, 2, 0.1, 20);
System.out.printf("x = %.4f, y = %.4f, f = %.4f%n", nnlabWarmupA.x(), nnlabWarmupA.y(), nnlabWarmupA.f());
nnlabWarmupCheck(nnlabWarmupA.history().size() == 21, "expected 21 entries, got " + nnlabWarmupA.history().size());
for (double[] p : nnlabWarmupA.history()) {
    double h = 1e-6;
    double gx = (nnlabWarmupF(p[0] + h, p[1]) - nnlabWarmupF(p[0] - h, p[1])) / (2 * h);
    nnlabWarmupCheck(Math.abs(gx - nnlabWarmupGrad(p[0], p[1])[0]) < 1e-4, "df/dx is off at (" + p[0] + ", " + p[1] + ")");
}
String nnlabWarmupSaid = "nnlabWarmupGrad looks right";
var nnlabWarmupMap = Plots.contour((x, y) -> nnlabWarmupF(x, y), -5, 5, -5, 5, 20);
Plots.path(nnlabWarmupMap, nnlabWarmupA.xs(), nnlabWarmupA.xs());
nnlabWarmupMap.setTitle("a path");
double[] nnlabWarmupSteps = IntStream.range(0, 21).mapToDouble(i -> i).toArray();
var nnlabWarmupCurve = Plots.line(nnlabWarmupSteps, nnlabWarmupA.xs(), "f(x, y)");
nnlabWarmupCurve.setXAxisTitle("step");
nnlabWarmupCurve.setYAxisTitle("f");
var nnlabWarmupGrid = Plots.grid(1, 2, nnlabWarmupMap, nnlabWarmupCurve);
double nnlabWarmupEta = 0.1;     // the step size
double nnlabWarmupDecay = 1.0;
int nnlabWarmupK = 20;
nnlabWarmupEta = 0.2;
nnlabWarmupDecay = 0.9;
nnlabWarmupK = 50;
nnlabWarmupGrid
//--
Rng nnlabWarmupRng = new Rng(42);
Tensor nnlabWarmupX = nnlabWarmupRng.normal(0, 1, 8, 4);
Tensor nnlabWarmupY = nnlabWarmupX.matmul(Tensor.zeros(4, 3).add(0.5)).map(v -> Math.max(0, v));
Net nnlabWarmupNet = new Net(new Linear(4, 8, nnlabWarmupRng), new ReLU(), new Linear(8, 3, nnlabWarmupRng));
Tensor nnlabWarmupOut = nnlabWarmupNet.forward(nnlabWarmupX).output();
SGD nnlabWarmupOpt = new SGD(nnlabWarmupNet.params(), 0.1);
System.out.println(Arrays.toString(nnlabWarmupOut.shape()) + " " + nnlabWarmupY.sum() + " " + new CrossEntropy());
class NnlabWarmupScale implements Layer {
    private final double s;

    NnlabWarmupScale(double s) {
        this.s = s;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.mul(s);
    }

    @Override
    public Tensor backward(Tensor x, Tensor dy) {
        return dy.mul(s);
    }
}
//--
Map<String, Double> nnlabWarmupScores = new LinkedHashMap<>();
for (String k : List.of("sgd", "momentum", "adam")) {
    nnlabWarmupScores.put(k, k.length() * 0.5);
}
String nnlabWarmupBest = nnlabWarmupScores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("none");
int nnlabWarmupN = switch (nnlabWarmupBest) {
    case "sgd" -> 1;
    default -> 2;
};
try {
    nnlabWarmupN += Integer.parseInt(nnlabWarmupBest);
} catch (NumberFormatException e) {
    nnlabWarmupN += String.format("%s", e.getMessage()).length();
}
Function<Double, Double> nnlabWarmupSquare = v -> v * v;
String.format("%s: %.3f, %d", nnlabWarmupBest, nnlabWarmupSquare.apply(1.5), nnlabWarmupN)
