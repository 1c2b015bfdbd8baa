package nnlab.grader;

import java.util.List;

/**
 * An assignment source that cannot be released or graded; lists every problem with file, cell and line.
 *
 * <p>Example message: {@code 04-mlp.ipynb: cell 5 (grade_id forward), line 9: BEGIN SOLUTION without END SOLUTION}.
 */
public class AssignmentException extends RuntimeException {

    private final List<String> problems;

    /** An exception carrying one line per problem. */
    public AssignmentException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** One message per problem, each naming file, cell and line. */
    public List<String> problems() {
        return problems;
    }
}
