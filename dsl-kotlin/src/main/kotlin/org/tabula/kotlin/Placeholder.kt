package org.tabula.kotlin

import org.tabula.dialect.Dialect

/** The Kotlin layer's version marker; the DSL itself lands with the Kotlin issue. */
internal val defaultDialect: Dialect = Dialect.SQLITE
