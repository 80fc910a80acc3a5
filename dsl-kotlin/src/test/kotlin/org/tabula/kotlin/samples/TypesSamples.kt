package org.tabula.kotlin.samples

import org.tabula.kotlin.converted
import org.tabula.schema.Table
import org.tabula.type.SqlTypes

// Samples of Types.kt, run by SamplesSpec.

@JvmInline value class Cents(val cents: Long)

private val CENTS = SqlTypes.BIGINT.converted(::Cents, Cents::cents)

fun convertedType(): Table = object : Table("priced_orders") {
    val id = bigint("id").primaryKey().autoIncrement()
    val total = column("total", CENTS)                 // Column<Cents>, BIGINT in the database
}
