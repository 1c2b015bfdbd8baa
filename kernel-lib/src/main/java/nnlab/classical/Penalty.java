package nnlab.classical;

/**
 * The regulariser of a logistic regression: L1 (lasso, sparse weights) or L2 (ridge, small weights).
 *
 * <pre>
 * L1:  min_w  ||w||_1     + C Σ_i log(1 + exp(-y_i wᵀx_i))
 * L2:  min_w  ½ ||w||_2²  + C Σ_i log(1 + exp(-y_i wᵀx_i))
 * </pre>
 *
 * <pre>{@code
 * Classifier lasso = Classifier.logistic(Penalty.L1, 1.0).fit(train);
 * Classifier ridge = Classifier.logistic(Penalty.L2, 1.0).fit(train);
 * }</pre>
 */
public enum Penalty {
    /** Σ |w_j|: drives many weights to exactly 0. */
    L1,
    /** ½ Σ w_j²: shrinks all weights, none to exactly 0. */
    L2
}
