package nnlab.train;

import java.util.ArrayList;
import java.util.List;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;

/** A copy of a model's parameter values at its best epoch, put back by {@link Trainer#restoreBest(boolean)}. */
final class BestWeights {
    private final List<Param> params;
    private final List<Tensor> saved = new ArrayList<>();

    BestWeights(List<Param> params) {
        this.params = params;
    }

    /** Copies every parameter's value. */
    void save() {
        for (int i = 0; i < params.size(); i++) {
            if (i == saved.size()) {
                saved.add(params.get(i).value().copy());
            } else {
                saved.get(i).copyFromInPlace(params.get(i).value());
            }
        }
    }

    /** Puts the saved values back into the parameters, in place. */
    void restore() {
        for (int i = 0; i < saved.size(); i++) {
            params.get(i).value().copyFromInPlace(saved.get(i));
        }
    }
}
