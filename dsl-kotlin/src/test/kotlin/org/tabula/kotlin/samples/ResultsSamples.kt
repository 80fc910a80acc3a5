package org.tabula.kotlin.samples

import kotlinx.coroutines.flow.toList
import org.tabula.engine.Connection
import org.tabula.kotlin.AsyncEngine
import org.tabula.kotlin.RowMapper
import org.tabula.kotlin.SortOrder
import org.tabula.kotlin.count
import org.tabula.kotlin.eq
import org.tabula.kotlin.into
import org.tabula.kotlin.mapOneOrNull
import org.tabula.kotlin.mapTo
import org.tabula.kotlin.orderBy
import org.tabula.kotlin.scalar
import org.tabula.kotlin.scalarOne
import org.tabula.kotlin.scalarOneOrNull
import org.tabula.kotlin.scalars
import org.tabula.kotlin.select
import org.tabula.kotlin.selectAll
import org.tabula.kotlin.where

// Samples of Results.kt, RowMapper.kt and SortOrder.kt, run by SamplesSpec.

fun mapRows(conn: Connection): List<UserDto> {
    // data class UserDto(val id: Long, val name: String, val age: Int?)
    val users: List<UserDto> = conn.execute(Users.selectAll()).mapTo<UserDto>()
    return users
}

fun mapRowsToClass(conn: Connection): List<UserDto> {
    val type = UserDto::class                                  // chosen at run time
    return conn.execute(Users.select(Users.id, Users.name, Users.age)).mapTo(type)
}

fun mapOneRowOrNull(conn: Connection): UserDto? {
    val ann: UserDto? = conn.execute(Users.selectAll().where { Users.name eq "ann" }).mapOneOrNull<UserDto>()
    return ann
}

fun rowInto(conn: Connection): UserDto {
    val row = conn.execute(Users.selectAll().where { Users.id eq 1L }).one()
    return row.into<UserDto>()
}

suspend fun mapStream(db: AsyncEngine): List<UserDto> =
    db.stream(Users.selectAll(), fetchSize = 500).mapTo<UserDto>().toList()

suspend fun mapStreamToClass(db: AsyncEngine): List<UserDto> =
    db.stream(Users.selectAll()).mapTo(UserDto::class).toList()

fun typedScalarOne(conn: Connection): Long = conn.execute(Users.select(count())).scalarOne<Long>()

fun typedScalarOneOrNull(conn: Connection): String? =
    conn.execute(Users.select(Users.email).where { Users.id eq 1L }).scalarOneOrNull<String?>()

fun typedScalar(conn: Connection): String? = conn.execute(Users.select(Users.name).orderBy(Users.name)).scalar<String>()

fun typedScalars(conn: Connection): List<String> = conn.execute(Users.select(Users.name)).scalars<String>()

fun rowMapperClass(conn: Connection): List<UserDto> {
    // data class UserDto(val id: Long, val name: String, val age: Int?)
    val users: List<UserDto> = conn.execute(Users.selectAll()).mapTo<UserDto>()
    return users
}

fun rowMapperOf(conn: Connection): List<UserDto> {
    val result = conn.execute(Users.selectAll())
    val mapper = RowMapper.of(UserDto::class, result.columns()!!)
    return result.all().map { mapper.map(it) }
}

fun sortOrders(conn: Connection): List<String> =
    conn.execute(Users.select(Users.name).orderBy(Users.age to SortOrder.ASC_NULLS_FIRST, Users.id to SortOrder.DESC)).scalars()
