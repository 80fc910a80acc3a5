package org.tabula.examples.spring;

import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.examples.spring.Orders.ORDERS;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tabula.engine.Engine;

/** Tabula and JdbcTemplate in one Spring transaction: both commit, or neither does. */
@Service
public class OrderService {

    private final Engine engine;
    private final JdbcTemplate jdbc;

    public OrderService(Engine engine, JdbcTemplate jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    /** Places an order; a quantity over 10 is refused after both writes, and Spring rolls back both. */
    @Transactional
    public long place(String item, int quantity) {
        long id = engine.transaction(conn -> conn.execute(insert(ORDERS).set(ORDERS.item, item)
                .set(ORDERS.quantity, quantity)).insertedPrimaryKey().get(ORDERS.id));
        jdbc.update("insert into shop_audit (event) values (?)", "order " + id + ": " + quantity + " x " + item);
        if (quantity > 10) {
            throw new IllegalArgumentException("at most 10 " + item + " per order");
        }
        return id;
    }

    /** The orders, read with Tabula. */
    @Transactional(readOnly = true)
    public List<String> orders() {
        return engine.transaction(conn -> conn.execute(select(ORDERS.item, ORDERS.quantity).from(ORDERS)
                .orderBy(ORDERS.id)).map(r -> r.get(ORDERS.quantity) + " x " + r.get(ORDERS.item)));
    }

    /** The audit log, read with JdbcTemplate. */
    public List<String> audit() {
        return jdbc.queryForList("select event from shop_audit order by id", String.class);
    }
}
