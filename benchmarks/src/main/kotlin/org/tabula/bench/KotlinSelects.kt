package org.tabula.bench

import org.tabula.bench.Customers.CUSTOMERS
import org.tabula.bench.Orders.ORDERS
import org.tabula.kotlin.SortOrder
import org.tabula.kotlin.and
import org.tabula.kotlin.ge
import org.tabula.kotlin.gt
import org.tabula.kotlin.orderBy
import org.tabula.kotlin.select
import org.tabula.kotlin.startsWith
import org.tabula.kotlin.where
import org.tabula.statement.Select

/**
 * The select of `RenderBenchmark.build`, written the way a Kotlin user writes it: a join with the
 * ON inferred from the foreign key, three predicates in one `where { }`, ORDER BY and LIMIT.
 */
object KotlinSelects {
    @JvmStatic
    fun build(minAge: Int, prefix: String, minTotal: Int): Select =
        CUSTOMERS.select(CUSTOMERS.id, CUSTOMERS.name, ORDERS.title, ORDERS.total)
            .join(ORDERS)
            .where { (CUSTOMERS.age gt minAge) and (CUSTOMERS.name startsWith prefix) and (ORDERS.total ge minTotal) }
            .orderBy(CUSTOMERS.name to SortOrder.ASC)
            .limit(20)
}
