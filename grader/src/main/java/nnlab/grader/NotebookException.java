package nnlab.grader;

/** A file that is not a usable nbformat-4 notebook; the message says what was found and what was expected. */
public class NotebookException extends RuntimeException {

    /** An exception with a message naming the problem. */
    public NotebookException(String message) {
        super(message);
    }
}
