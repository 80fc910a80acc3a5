package org.tabula.expr;

/** {@code NOT (condition)}. */
public record Not(Condition condition) implements Condition {

    @Override
    public <R> R accept(SqlVisitor<R> visitor) {
        return visitor.visitNot(this);
    }
}
