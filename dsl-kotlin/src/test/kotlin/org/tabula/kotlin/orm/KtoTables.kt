package org.tabula.kotlin.orm

import org.tabula.engine.Engine
import org.tabula.kotlin.AsyncEngine
import org.tabula.orm.Mapper
import org.tabula.statement.Delete

/** The kto_ tables of the ORM specs. */
object KtoTables {
    /** Drops and creates them, at the start of a spec. */
    fun create(engine: Engine) {
        val metadata = Mapper.metaData(
            KtoUser::class.java, KtoAddress::class.java, KtoTag::class.java, KtoAuthor::class.java, KtoPost::class.java,
        )
        metadata.dropAll(engine)
        metadata.createAll(engine)
    }

    /** Empties them, children first. */
    suspend fun clear(async: AsyncEngine) {
        async.begin {
            execute(Delete.from(table<KtoPost>()).allRows())
            execute(Delete.from(table<KtoAuthor>()).allRows())
            execute(Delete.from(table<KtoAddress>()).allRows())
            execute(Delete.from(table<KtoTag>()).allRows())
            execute(Delete.from(table<KtoUser>()).allRows())
        }
    }
}
