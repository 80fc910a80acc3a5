package org.tabula.kotlin

/**
 * A sort direction for [orderBy]: `Users.select(Users.name).orderBy(Users.id to SortOrder.DESC)`.
 * `ASC_NULLS_FIRST`/`..._LAST` ask for NULLs first or last on every dialect.
 */
enum class SortOrder(internal val descending: Boolean, internal val nullsFirst: Boolean?) {
    ASC(false, null),
    DESC(true, null),
    ASC_NULLS_FIRST(false, true),
    ASC_NULLS_LAST(false, false),
    DESC_NULLS_FIRST(true, true),
    DESC_NULLS_LAST(true, false),
}
