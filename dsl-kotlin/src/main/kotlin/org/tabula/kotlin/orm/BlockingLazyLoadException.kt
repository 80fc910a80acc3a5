package org.tabula.kotlin.orm

import org.tabula.orm.OrmException

/**
 * An implicit lazy load was refused in an [AsyncSession]: reading an unloaded relationship
 * ([org.tabula.orm.Ref], [org.tabula.orm.RelatedList]) or deferred column ([org.tabula.orm.Lazy])
 * would have run blocking JDBC on the calling thread, behind the back of the suspend API (the
 * `MissingGreenlet` of SQLAlchemy's asyncio ORM). The message names the entity, the attribute and
 * the fixes: load it with a suspend call, load it eagerly with the query, or let the session block
 * ([AsyncSessionFactory.blockingLazyLoads]).
 *
 * @sample org.tabula.kotlin.samples.blockingLazyLoadRefused
 */
class BlockingLazyLoadException(
    /**
     * The attribute that was read, such as `User.posts`.
     *
     * @sample org.tabula.kotlin.samples.blockingLazyLoadRefused
     */
    val attribute: String,
    message: String,
) : OrmException(message)
