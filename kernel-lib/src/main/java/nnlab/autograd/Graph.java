package nnlab.autograd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The walk both {@link Value} and {@link Var} use to order a computation graph for backward. */
final class Graph {
    private Graph() {
    }

    /**
     * Every node {@code root} depends on, each after all of its inputs, {@code root} last. An iterative
     * depth-first search, so a long chain (a loop of 10,000 steps) needs no deep call stack.
     */
    static <T> List<T> topologicalOrder(T root, Function<T, List<T>> inputs) {
        List<T> order = new ArrayList<>();
        Set<T> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<T> stack = new ArrayList<>(List.of(root));
        List<Integer> next = new ArrayList<>(List.of(0));      // which input of stack[i] to visit next
        seen.add(root);
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            T node = stack.get(top);
            List<T> in = inputs.apply(node);
            int k = next.get(top);
            if (k < in.size()) {
                next.set(top, k + 1);
                if (seen.add(in.get(k))) {
                    stack.add(in.get(k));
                    next.add(0);
                }
            } else {
                order.add(node);
                stack.remove(top);
                next.remove(top);
            }
        }
        return order;
    }
}
