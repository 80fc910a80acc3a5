package org.tabula.spring;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** A Boot application with the auto-configuration and one transactional service. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ShopService.class)
class ShopApplication {
}
