import nnlab.Rng;
import nnlab.data.Dataset;
import nnlab.data.Datasets;
import nnlab.data.Split;
import nnlab.loss.BinaryCrossEntropy;
import nnlab.metrics.ConfusionMatrix;
import nnlab.nn.Linear;
import nnlab.nn.Net;
import nnlab.nn.ReLU;
import nnlab.nn.Sigmoid;
import nnlab.optim.SGD;
import nnlab.tensor.Tensor;
import nnlab.train.History;
import nnlab.train.Trainer;

/**
 * The course's first network, outside a notebook: tell digits 0–4 from 5–9 on the 8×8 digits.
 *
 * <p>Run with {@code bin/demo [epochs]}. It standardizes the pixels with one global mean and std,
 * splits 50/50 with seed 12345, trains Net(Linear(64,32), ReLU, Linear(32,1), Sigmoid) with binary
 * cross-entropy and SGD (lr 0.01, mini-batches of 10) and prints the learning curves as a table.
 */
public class DigitsDemo {
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Dataset digits = Datasets.digits();
        Tensor x = digits.x();
        x = x.sub(x.mean()).div(x.std());
        Dataset data = new Dataset(x, digits.y().lt(5.0), java.util.List.of("5-9", "0-4"));
        Split split = Split.trainTest(data, 0.5, new Rng(12345));

        Rng rng = new Rng(12345);
        Net net = new Net(new Linear(64, 32, rng), new ReLU(), new Linear(32, 1, rng), new Sigmoid());
        System.out.println(net);
        System.out.printf("training on %d digits, testing on %d%n%n", split.train().size(), split.test().size());

        History h = new Trainer().verbose(false).run(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.01),
                split.train(), split.test(), epochs, 10);
        System.out.println(h);
        Tensor predicted = net.predict(split.test().x()).gt(0.5).reshape(-1);
        System.out.println();
        System.out.println(ConfusionMatrix.of(split.test().y(), predicted, 2, data.classNames()));
        System.out.printf("%nfinal test accuracy %.4f after %d epochs%n", h.last("test_accuracy"), h.size());
    }
}
