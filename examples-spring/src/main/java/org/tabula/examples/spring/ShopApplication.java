package org.tabula.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.tabula.engine.Engine;

/**
 * A tiny Spring Boot application on SQLite: tabula-spring's auto-configuration makes the
 * {@link Engine} from {@code spring.datasource.*} (application.properties), and
 * {@link OrderService} writes through Tabula and JdbcTemplate in one {@code @Transactional} method.
 *
 * <p>Run it with {@code mvn -B -q -pl examples-spring -am compile exec:java}.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        try (ConfigurableApplicationContext app = SpringApplication.run(ShopApplication.class, args)) {
            Engine engine = app.getBean(Engine.class);
            Orders.SCHEMA.dropAll(engine);
            Orders.SCHEMA.createAll(engine);

            OrderService shop = app.getBean(OrderService.class);
            shop.place("teapot", 1);
            shop.place("cup", 6);
            try {
                shop.place("saucer", 12);
            } catch (IllegalArgumentException e) {
                System.out.println("refused: " + e.getMessage() + " (the order and its audit line rolled back together)");
            }
            System.out.println("orders: " + shop.orders());
            System.out.println("audit:  " + shop.audit());
        }
    }
}
