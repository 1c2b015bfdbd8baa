package nnlab.train;

/**
 * Training stopped before the last epoch because the thread was interrupted (the notebook's stop button)
 * or the loss became NaN or infinite.
 *
 * <p>The net keeps the weights it had when training stopped; {@link #history()} holds the epochs that
 * finished, with {@link History#stopReason()} equal to this exception's message.
 *
 * <pre>{@code
 * try { Trainer.fit(net, loss, opt, train, test, 100, 10); }
 * catch (TrainingException e) { System.out.println(e.history()); }
 * }</pre>
 */
public final class TrainingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient History history;

    TrainingException(String message, History history) {
        super(message);
        this.history = history;
        history.stop(message);
    }

    /** The epochs that finished before training stopped. */
    public History history() {
        return history;
    }
}
