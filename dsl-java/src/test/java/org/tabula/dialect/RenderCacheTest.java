package org.tabula.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.tabula.Posts.POSTS;
import static org.tabula.Sql.bindParam;
import static org.tabula.Sql.count;
import static org.tabula.Sql.countDistinct;
import static org.tabula.Sql.exists;
import static org.tabula.Sql.lower;
import static org.tabula.Sql.not;
import static org.tabula.Sql.or;
import static org.tabula.Sql.raw;
import static org.tabula.Sql.select;
import static org.tabula.Sql.value;
import static org.tabula.Users.USERS;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.tabula.expr.Expression;
import org.tabula.expr.Literal;
import org.tabula.expr.NullOrdering;
import org.tabula.schema.TableAlias;
import org.tabula.statement.LockMode;
import org.tabula.statement.Select;
import org.tabula.type.SqlTypes;

/**
 * A select rendered through the shape cache must equal the same select rendered from scratch:
 * same SQL, its own values in order, same metadata, on every built-in dialect, for selects whose
 * shapes differ in one detail only, and for selects the cache does not take.
 */
class RenderCacheTest {

    private static final List<Dialect> DIALECTS = List.of(new SqliteDialect(), new MySqlDialect(true),
            new MySqlDialect(false), new PostgresDialect());

    /** Rendered without the cache, as {@link Dialect#render} did before it. */
    private static RenderedSql fresh(Dialect dialect, Select select) {
        SqlRenderer renderer = dialect.newRenderer();
        renderer.top = select;
        select.accept(renderer);
        return renderer.result();
    }

    /** Shapes that differ from each other in one detail; each is built from a value {@code v}. */
    private static List<IntFunction<Select>> shapes() {
        TableAlias u = USERS.as("u");
        TableAlias w = USERS.as("w");
        List<IntFunction<Select>> out = new ArrayList<>();
        out.add(v -> select(USERS.id, USERS.name, POSTS.title).from(USERS).join(POSTS)
                .where(USERS.age.gt(v)).where(USERS.name.startsWith("a_" + v)).where(POSTS.likes.ge(v + 1))
                .orderBy(USERS.name.asc()).limit(20));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.gt(v)));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.lt(v)));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.eq(v)));
        out.add(v -> select(USERS.name).from(USERS).where(USERS.age.eq(v)));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.id.eq((long) v)));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.in(List.of(v, v + 1))));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.in(List.of(v, v + 1, v + 2))));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.between(v, v + 5)));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.notBetween(v, v + 5)));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.name.like("x" + v)));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.name.notLike("x" + v)));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.name.ilike("x" + v)));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.isNull()));
        out.add(v -> select(USERS.id).from(USERS).where(or(USERS.age.lt(v), USERS.age.gt(v + 10))));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.lt(v).and(USERS.age.gt(v + 10))));
        out.add(v -> select(USERS.id).from(USERS).where(not(USERS.age.lt(v))));
        out.add(v -> select(USERS.id).from(USERS).orderBy(USERS.age.plus(v).desc()));
        out.add(v -> select(USERS.id).from(USERS).orderBy(USERS.age.plus(v).asc().nullsLast(), USERS.name.asc()));
        out.add(v -> select(USERS.id).from(USERS).orderBy(USERS.age.plus(v).desc().nullsFirst()));
        out.add(v -> select(USERS.id).from(USERS).limit(v));
        out.add(v -> select(USERS.id).from(USERS).limit(v).offset(v));
        out.add(v -> select(USERS.id).from(USERS).limit(v).offset(v + 1));
        out.add(v -> select(USERS.id).from(USERS).offset(v));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.gt(v)).forUpdate());
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.gt(v)).forUpdate(LockMode.SHARE));
        out.add(v -> select(USERS.id).distinct().from(USERS).where(USERS.age.gt(v)));
        out.add(v -> select(USERS.age.plus(v).as("a"), count()).from(USERS).groupBy(USERS.age.plus(v).as("a"))
                .having(count().gt((long) v)));
        out.add(v -> select(USERS.age.plus(v).as("b"), count()).from(USERS).groupBy(USERS.age.plus(v).as("b")));
        out.add(v -> select(countDistinct(USERS.age)).from(USERS).where(lower(USERS.name).eq("n" + v)));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.gt(bindParam("min", SqlTypes.INTEGER))).limit(v));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.gt(bindParam("max", SqlTypes.INTEGER))).limit(v));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.name.eq(value("s" + v))));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.eq(new Literal<>(v, SqlTypes.INTEGER))));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.id.eq(new Literal<>((long) v, SqlTypes.BIGINT))));
        out.add(v -> {
            Expression<Integer> same = USERS.age.bind(v);      // one node in two places
            return select(USERS.id).from(USERS).where(USERS.age.gt(same)).where(USERS.age.lt(same));
        });
        out.add(v -> select(u.col(USERS.id)).from(u).join(POSTS).where(u.col(USERS.age).gt(v)));
        out.add(v -> select(w.col(USERS.id)).from(w).join(POSTS).where(w.col(USERS.age).gt(v)));
        out.add(v -> select(USERS.id, POSTS.title).from(USERS).leftJoin(POSTS).where(POSTS.likes.gt(v)));
        out.add(v -> select(USERS.id, POSTS.title).where(POSTS.likes.gt(v)));
        // not cached: a subquery, raw SQL
        out.add(v -> select(USERS.id).from(USERS).where(USERS.id.in(select(POSTS.userId).from(POSTS)
                .where(POSTS.likes.gt(v)))));
        out.add(v -> select(USERS.id).from(USERS).where(exists(select(POSTS.id).where(POSTS.userId.eq(USERS.id))
                .where(POSTS.likes.gt(v)))));
        out.add(v -> select(USERS.id).from(USERS).where(USERS.age.gt(raw("(" + v + ")", SqlTypes.INTEGER))));
        return out;
    }

    @Test
    void everyShapeRendersAsWithoutTheCacheWithItsOwnValues() {
        for (Dialect dialect : DIALECTS) {
            List<IntFunction<Select>> shapes = shapes();
            for (int round = 0; round < 3; round++) {
                for (IntFunction<Select> shape : shapes) {
                    for (int v : new int[] {1, 7, 300, 1}) {
                        Select select = shape.apply(v);
                        RenderedSql cached = dialect.render(select);
                        assertEquals(fresh(dialect, select), cached, () -> dialect.name() + ": " + select);
                        assertSame(select.selections(), cached.columns());
                    }
                }
            }
        }
    }

    @Test
    void threadsRenderingTheSameShapesAtOnceEachGetTheirOwnValues() throws Exception {
        Dialect dialect = new PostgresDialect();
        List<IntFunction<Select>> shapes = shapes();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        Select select = shapes.get((i * 7 + thread) % shapes.size()).apply(i + thread * 10_000);
                        assertEquals(fresh(dialect, select), dialect.render(select));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void valuesStayParametersAndDifferPerSelect() {
        Dialect dialect = new SqliteDialect();
        IntFunction<Select> shape = shapes().get(0);
        RenderedSql first = dialect.render(shape.apply(18));
        RenderedSql second = dialect.render(shape.apply(40));
        assertSame(first.sql(), second.sql());       // the second came from the cache
        assertEquals(List.of(18, "a/_18%", 19, 20L), first.values());
        assertEquals(List.of(40, "a/_40%", 41, 20L), second.values());
    }

    @Test
    void nullOrderingRenderedTwiceOnMySqlBindsItsValueTwice() {
        Dialect dialect = new MySqlDialect(true);
        for (int v : new int[] {5, 6}) {
            RenderedSql r = dialect.render(select(USERS.id).from(USERS).orderBy(USERS.age.plus(v).asc().nullsLast()));
            assertEquals("SELECT `users`.`id` FROM `users` ORDER BY (`users`.`age` + ?) IS NULL, `users`.`age` + ?",
                    r.sql());
            assertEquals(List.of(v, v), r.values());
        }
    }

    @Test
    void aDialectWithItsOwnRendererIsNotCached() {
        Dialect custom = new Dialect() {
            @Override
            public String name() {
                return "custom";
            }

            @Override
            public String typeName(org.tabula.type.SqlType<?> type, org.tabula.schema.Column<?> column) {
                return "TEXT";
            }

            @Override
            public boolean supportsReturning(ReturningSupport statement) {
                return false;
            }

            @Override
            protected SqlRenderer newRenderer() {
                return new SqlRenderer(this) {
                    @Override
                    public Void visitBindValue(org.tabula.expr.BindValue<?> value) {
                        sql.append("/*").append(value.value()).append("*/");
                        return super.visitBindValue(value);
                    }
                };
            }
        };
        assertEquals("SELECT \"users\".\"id\" FROM \"users\" WHERE \"users\".\"age\" > /*1*/?",
                custom.render(select(USERS.id).from(USERS).where(USERS.age.gt(1))).sql());
        assertEquals("SELECT \"users\".\"id\" FROM \"users\" WHERE \"users\".\"age\" > /*2*/?",
                custom.render(select(USERS.id).from(USERS).where(USERS.age.gt(2))).sql());
    }
}
