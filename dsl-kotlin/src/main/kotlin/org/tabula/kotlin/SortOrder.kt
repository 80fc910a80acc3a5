package org.tabula.kotlin

/**
 * A sort direction for [orderBy]: `Users.select(Users.name).orderBy(Users.id to SortOrder.DESC)`.
 * `ASC_NULLS_FIRST`/`..._LAST` ask for NULLs first or last on every dialect.
 *
 * @sample org.tabula.kotlin.samples.sortOrders
 */
enum class SortOrder(internal val descending: Boolean, internal val nullsFirst: Boolean?) {
    /** Ascending; where NULLs go is the database's default. */
    ASC(false, null),
    /** Descending: `Users.id to SortOrder.DESC`. */
    DESC(true, null),
    /** Ascending, NULLs first on every dialect. */
    ASC_NULLS_FIRST(false, true),
    /** Ascending, NULLs last on every dialect. */
    ASC_NULLS_LAST(false, false),
    /** Descending, NULLs first on every dialect. */
    DESC_NULLS_FIRST(true, true),
    /** Descending, NULLs last on every dialect. */
    DESC_NULLS_LAST(true, false),
}
