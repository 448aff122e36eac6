package dev.retort.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the {@link javax.sql.DataSource} bean that Retort migrates, when it is not the
 * application's (usually {@code @Primary}) one: Retort's counterpart of Spring Boot's
 * {@code @FlywayDataSource}. It wins over {@code retort.url} and {@code retort.user}. The bean is
 * the application's: if it is a pool, it stays open as long as the context, so a data source that
 * opens connections only when asked, such as Spring's {@code SimpleDriverDataSource}, suits it
 * better.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface RetortDataSource {}
