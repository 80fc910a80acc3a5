package org.tabula.statement;

/** Kinds of join. */
public enum JoinType {
    INNER("JOIN"), LEFT("LEFT OUTER JOIN"), RIGHT("RIGHT OUTER JOIN"), FULL("FULL OUTER JOIN");

    private final String sql;

    JoinType(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
