package org.dpr.retrieve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Operators applied one after the other; prints right to left, {@code c * b * a}. */
final class Sequence implements Operator {
    private final List<Operator> steps;

    private Sequence(List<Operator> steps) {
        this.steps = Collections.unmodifiableList(steps);
    }

    static Operator of(Operator first, Operator second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        List<Operator> all = new ArrayList<>();
        add(all, first);
        add(all, second);
        return new Sequence(all);
    }

    private static void add(List<Operator> all, Operator op) {
        if (op instanceof Sequence s) {
            all.addAll(s.steps);
        } else {
            all.add(op);
        }
    }

    List<Operator> steps() {
        return steps;
    }

    @Override
    public PhasingState apply(PhasingState state) {
        PhasingState s = state;
        for (Operator step : steps) {
            s = step.apply(s);
        }
        return s;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = steps.size() - 1; i >= 0; i--) {
            b.append(steps.get(i));
            if (i > 0) {
                b.append(" * ");
            }
        }
        return b.toString();
    }
}
