package org.tabula.expr;

/** Where NULLs go in an ORDER BY item. */
public enum NullOrdering { DEFAULT, FIRST, LAST }
