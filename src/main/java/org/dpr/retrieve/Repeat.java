package org.dpr.retrieve;

import java.util.Objects;

/** An operator applied a fixed number of times; prints {@code op**count}. */
final class Repeat implements Operator {
    private final Operator body;
    private final int count;

    Repeat(Operator body, int count) {
        this.body = Objects.requireNonNull(body, "body");
        if (count < 1) {
            throw new IllegalArgumentException("repeat count must be at least 1, got " + count);
        }
        this.count = count;
    }

    Operator body() {
        return body;
    }

    int count() {
        return count;
    }

    @Override
    public PhasingState apply(PhasingState state) {
        PhasingState s = state;
        for (int i = 0; i < count; i++) {
            s = body.apply(s);
        }
        return s;
    }

    @Override
    public String toString() {
        String inner = body.toString();
        boolean group = body instanceof Sequence || body instanceof Repeat;
        return (group ? "(" + inner + ")" : inner) + "**" + count;
    }
}
