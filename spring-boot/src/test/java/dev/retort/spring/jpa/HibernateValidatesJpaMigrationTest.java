package dev.retort.spring.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.index.RevisionIndexFile;
import dev.retort.processor.scan.SqlNames;
import dev.retort.runtime.Retort;
import dev.retort.runtime.evolution.JpaDomain;
import dev.retort.runtime.evolution.Project;
import dev.retort.runtime.testdb.TestDatabase;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.cfg.Configuration;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.hibernate.SpringImplicitNamingStrategy;

/**
 * Hibernate accepts the schema that Retort generates from the very JPA entities Hibernate maps: the
 * real processor builds a JPA domain with {@code -Aretort.entities=jpa} into a directory, the
 * runtime applies the migration it wrote on H2, and Hibernate, with Spring Boot's naming strategies
 * and {@code hbm2ddl.auto=validate} (Spring's {@code ddl-auto=validate}), starts on that database;
 * on the database before the migration it refuses to. And the names Retort derives are those of
 * Spring Boot's naming strategy.
 *
 * <p>The domain is built in a test rather than as this module's own test entities: those are
 * processed in Retort mode, with committed migrations of their own, and one compilation reads one
 * kind of entity.
 */
class HibernateValidatesJpaMigrationTest {

  @TempDir Path root;

  @Test
  void hibernateValidatesTheSchemaRetortMigratedFromItsEntities() throws Exception {
    Project project = new Project(root);
    project.writeEntities(JpaDomain.SOURCES);
    Project.Build build = project.build(Instant.parse("2026-11-21T15:30:00Z"), "-Aretort.entities=jpa");
    assertThat(build.succeeded()).as(build.log()).isTrue();

    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
        URLClassLoader built = build.classLoader();
        URLClassLoader loader = ownIndexOnly(built)) {
      String url = db.url() + ";DATABASE_TO_LOWER=TRUE";
      assertThatThrownBy(() -> hibernate(loader, url, db).close())
          .as("Hibernate on the database before the migration")
          .isInstanceOf(SchemaManagementException.class);

      Retort.builder().url(url, db.user(), db.password()).classLoader(loader).build().upgrade();
      try (SessionFactory hibernate = hibernate(loader, url, db)) {
        assertThat(hibernate.getMetamodel().getEntities()).hasSize(JpaDomain.ENTITIES.size());
      }
    }
  }

  @Test
  void retortNamesTablesAndColumnsAsSpringBootsHibernateDoes() {
    CamelCaseToUnderscoresNamingStrategy hibernate = new CamelCaseToUnderscoresNamingStrategy();
    for (String name : List.of("OrderLine", "createdAt", "userID", "URLPath", "addressLine1", "line2Text", "pageA",
        "ISBN", "customer_id", "Catalog", "home.street", "A")) {
      assertThat(SqlNames.springPhysical(name)).as(name)
          .isEqualTo(hibernate.toPhysicalColumnName(Identifier.toIdentifier(name), null).getText());
    }
  }

  /**
   * The build's classes, whose revision index is the only one the loader finds: this module's test
   * application has an index of its own on the class path.
   */
  private static URLClassLoader ownIndexOnly(URLClassLoader built) {
    return new URLClassLoader(built.getURLs(), built.getParent()) {
      @Override
      public URL getResource(String name) {
        return name.equals(RevisionIndexFile.RESOURCE) ? findResource(name) : super.getResource(name);
      }

      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return name.equals(RevisionIndexFile.RESOURCE) ? findResources(name) : super.getResources(name);
      }
    };
  }

  /** Hibernate as Spring Boot configures it, validating the schema at start. */
  private static SessionFactory hibernate(ClassLoader loader, String url, TestDatabase db)
      throws ClassNotFoundException {
    Configuration configuration =
        new Configuration(new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build());
    for (String entity : JpaDomain.ENTITIES) {
      configuration.addAnnotatedClass(loader.loadClass(JpaDomain.PACKAGE + "." + entity));
    }
    configuration.setPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy());
    configuration.setImplicitNamingStrategy(new SpringImplicitNamingStrategy());
    configuration.setProperty("hibernate.connection.url", url);
    configuration.setProperty("hibernate.connection.username", db.user());
    configuration.setProperty("hibernate.connection.password", db.password());
    configuration.setProperty("hibernate.hbm2ddl.auto", "validate");
    return configuration.buildSessionFactory();
  }
}
