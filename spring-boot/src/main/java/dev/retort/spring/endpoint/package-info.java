/**
 * The Actuator endpoint {@code retort}, at {@code /actuator/retort}: each {@code Retort} bean's
 * history, as Spring Boot's {@code flyway} endpoint shows Flyway's. Active only with
 * {@code spring-boot-actuator-autoconfigure} on the class path.
 */
package dev.retort.spring.endpoint;
