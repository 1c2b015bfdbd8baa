package nnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nnlab.Rng;
import nnlab.data.Dataset;
import nnlab.loss.CrossEntropy;
import nnlab.metrics.Metrics;
import nnlab.nn.Linear;
import nnlab.nn.Net;
import nnlab.nn.ReLU;
import nnlab.optim.SGD;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class EvaluationBatchesTest {

    /** The net, wrapped so that every forward in evaluation mode records its number of rows. */
    private static Model recording(Net net, List<Integer> evalRows) {
        return recording(net, evalRows, -1);
    }

    /** As {@link #recording(Net, List)}, and the thread is interrupted once {@code interruptAt} rows are recorded. */
    private static Model recording(Net net, List<Integer> evalRows, int interruptAt) {
        boolean[] training = {true};
        return new Model() {
            public Tensor forward(Tensor x) {
                if (!training[0]) {
                    evalRows.add(x.shape(0));
                }
                if (evalRows.size() == interruptAt) {
                    Thread.currentThread().interrupt();
                }
                return net.forward(x);
            }

            public void backward(Tensor dOutput) {
                net.backward(dOutput);
            }

            public List<nnlab.nn.Param> params() {
                return net.params();
            }

            public void train(boolean on) {
                training[0] = on;
                net.train(on);
            }
        };
    }

    @Test
    void heldOutSetsAreEvaluatedInBatchesWithTheNumbersOfOneBigBatch() {
        Dataset train = UnchangedByDefaultTest.images(120, 3);
        Dataset test = UnchangedByDefaultTest.images(700, 4);
        Rng rng = new Rng(5);
        Net net = new Net(new Linear(16, 32, rng), new ReLU(), new Linear(32, 3, rng));
        List<Integer> rows = new ArrayList<>();
        History h = new Trainer().verbose(false).validationSplit(0.25).run(recording(net, rows), new CrossEntropy(),
                new SGD(net.params(), 0.1), train, test, 2, 10);
        // per epoch: the validation part (30 rows, one batch), then the test set in 256, 256, 188; first the probe of 10
        assertEquals(List.of(10, 30, 256, 256, 188, 30, 256, 256, 188), rows);
        Tensor out = net.predict(test.x());                               // all 700 rows at once
        assertEquals(new CrossEntropy().value(test.y(), out), h.last("test_loss"), 1e-12);
        assertEquals(Metrics.accuracy(test.y(), out), h.last("test_accuracy"), 1e-12);
    }

    @Test
    void aLargerTrainingBatchIsAlsoTheEvaluationBatch() {
        Dataset train = UnchangedByDefaultTest.images(60, 3);
        Dataset test = UnchangedByDefaultTest.images(700, 4);
        Net net = new Net(new Linear(16, 3, new Rng(5)));
        List<Integer> rows = new ArrayList<>();
        new Trainer().verbose(false).run(recording(net, rows), new CrossEntropy(), new SGD(net.params(), 0.1), train, test, 1,
                300);
        assertEquals(List.of(60, 300, 300, 100), rows);
    }

    @Test
    void theStopButtonWorksBetweenEvaluationBatches() {
        Dataset train = UnchangedByDefaultTest.images(30, 3);
        Dataset test = UnchangedByDefaultTest.images(700, 4);
        Net net = new Net(new Linear(16, 3, new Rng(5)));
        List<Integer> rows = new ArrayList<>();
        Model model = recording(net, rows, 2);                   // pressed during the first test batch, after the probe
        TrainingException e = assertThrows(TrainingException.class, () -> new Trainer().verbose(false)
                .run(model, new CrossEntropy(), new SGD(net.params(), 0.1), train, test, 3, 10));
        assertEquals("Trainer: interrupted at epoch 1 while evaluating the test set; the net keeps its current weights "
                + "and history() holds the 0 finished epochs", e.getMessage());
        assertEquals(List.of(10, 256), rows);                     // the probe, then one batch of 256
        assertTrue(!Thread.currentThread().isInterrupted(), "the interrupt is consumed");
    }
}
