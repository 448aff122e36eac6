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
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * on the database before the migration it refuses to; it takes the keys of the entities with generated
 * keys from the sequences Retort declared. And the names Retort derives are those of
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
    project.writeEntities(JpaDomain.allSources());
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
        assertThat(hibernate.getMetamodel().getEntities())
            .hasSize(JpaDomain.ENTITIES.size() + JpaDomain.SEQUENCED_ENTITIES.size());
        // Hibernate's keys come from the sequences Retort declared: the first values they hand out.
        assertThat(persist(hibernate, loader, "Invoice")).isEqualTo(1L);
        assertThat(persist(hibernate, loader, "Receipt")).isEqualTo(1000L);
        // Hibernate pools the values of one sequence for all the generators that name it.
        assertThat(persist(hibernate, loader, "Parcel")).isEqualTo(1001L);
        assertThat(persist(hibernate, loader, "Shipment")).isEqualTo(1L);
        assertThat(persist(hibernate, loader, "Shipment")).isEqualTo(2L);
        assertThat(persist(hibernate, loader, "Voucher")).isEqualTo(1);
        // A generator of a package (package-info.java): found by its name from another package, and by an
        // entity of the package without a name.
        assertThat(persist(hibernate, loader, "Letter")).isEqualTo(500L);
        assertThat(persist(hibernate, loader, "billing.CreditNote")).isEqualTo(501L);
        // The @Entity @View reads the view Retort created, by its table's name.
        Long totals = hibernate.fromSession(session -> session.createSelectionQuery(
            "select count(*) from CustomerTotal", Long.class).getSingleResult());
        assertThat(totals).isZero();
      }
      try (Connection connection = DriverManager.getConnection(url, db.user(), db.password());
          Statement statement = connection.createStatement();
          ResultSet next = statement.executeQuery("SELECT NEXT VALUE FOR invoice_seq")) {
        next.next();
        assertThat(next.getLong(1)).as("invoice_seq after Hibernate took its first value").isEqualTo(51L);
      }
    }
  }

  @Test
  void withLegacySequenceNamingHibernateAndRetortShareOneHibernateSequence() throws Exception {
    Project project = new Project(root);
    project.writeEntities(JpaDomain.allSources());
    Project.Build build = project.build(Instant.parse("2026-11-21T15:30:00Z"), "-Aretort.entities=jpa",
        "-Aretort.jpa.sequenceNaming=legacy");
    assertThat(build.succeeded()).as(build.log()).isTrue();

    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
        URLClassLoader built = build.classLoader();
        URLClassLoader loader = ownIndexOnly(built)) {
      String url = db.url() + ";DATABASE_TO_LOWER=TRUE";
      Retort.builder().url(url, db.user(), db.password()).classLoader(loader).build().upgrade();
      try (SessionFactory hibernate = hibernate(loader, url, db, "legacy")) {
        // Invoice and Voucher have no generator: both take hibernate_sequence, one value at a time.
        assertThat(persist(hibernate, loader, "Invoice")).isEqualTo(1L);
        assertThat(persist(hibernate, loader, "Voucher")).isEqualTo(2);
        assertThat(persist(hibernate, loader, "Invoice")).isEqualTo(3L);
        // A generator keeps its own sequence under any naming.
        assertThat(persist(hibernate, loader, "Receipt")).isEqualTo(1000L);
      }
    }
  }

  /**
   * The digits of the second Retort declares for a time or timestamp are those of Hibernate's own
   * DDL ({@code ddl-auto=create}): {@code timestamp(6)} (Retort's {@code timestamp}) without
   * {@code secondPrecision}, that many with it, and {@code time(0)} for a {@code LocalTime}.
   */
  @Test
  void retortDeclaresTheDigitsOfTheSecondThatHibernatesOwnDdlDeclares() throws Exception {
    Project project = new Project(root);
    project.writeEntities(JpaDomain.allSources());
    Project.Build build = project.build(Instant.parse("2026-11-21T15:30:00Z"), "-Aretort.entities=jpa");
    assertThat(build.succeeded()).as(build.log()).isTrue();
    String snapshot = project.tree().entrySet().stream()
        .filter(file -> file.getKey().toString().endsWith(".schema"))
        .map(Map.Entry::getValue).findFirst().orElseThrow();

    Path script = root.resolve("hibernate-create.sql");
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
        URLClassLoader built = build.classLoader();
        URLClassLoader loader = ownIndexOnly(built)) {
      Configuration configuration = configuration(loader, db.url() + ";DATABASE_TO_LOWER=TRUE", db, "standard");
      configuration.setProperty("hibernate.hbm2ddl.auto", "none");
      configuration.setProperty("jakarta.persistence.schema-generation.scripts.action", "create");
      configuration.setProperty("jakarta.persistence.schema-generation.scripts.create-target", script.toString());
      configuration.buildSessionFactory().close();
    }
    String card = Files.readAllLines(script).stream().filter(line -> line.startsWith("create table card "))
        .findFirst().orElseThrow();

    assertThat(card).contains("activated_at timestamp(0)", "cutoff time(0)", "created_at timestamp(6) with time zone");
    assertThat(snapshot).contains("""
          column created_at timestamp with time zone not null
          column number varchar(19) not null
          column activated_at timestamp(0) null
          column cutoff time(0) null
        """);
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

  /** Persists a new entity of the domain (its non-null columns set) and returns the key Hibernate gave it. */
  private static Object persist(SessionFactory hibernate, ClassLoader loader, String entity) throws Exception {
    Object instance = loader.loadClass(JpaDomain.PACKAGE + "." + entity).getDeclaredConstructor().newInstance();
    if (entity.equals("Invoice")) {
      Field number = instance.getClass().getDeclaredField("number");
      number.setAccessible(true);
      number.set(instance, "INV-1");
    }
    hibernate.inTransaction(session -> session.persist(instance));
    return hibernate.getPersistenceUnitUtil().getIdentifier(instance);
  }

  /** Hibernate as Spring Boot configures it, validating the schema at start. */
  private static SessionFactory hibernate(ClassLoader loader, String url, TestDatabase db)
      throws ClassNotFoundException {
    return hibernate(loader, url, db, "standard");
  }

  /**
   * Hibernate as Spring Boot configures it, validating the schema at start, with that {@code
   * hibernate.id.db_structure_naming_strategy}.
   */
  private static SessionFactory hibernate(ClassLoader loader, String url, TestDatabase db, String sequenceNaming)
      throws ClassNotFoundException {
    return configuration(loader, url, db, sequenceNaming).buildSessionFactory();
  }

  /** Hibernate's configuration as Spring Boot makes it, validating the schema at start. */
  private static Configuration configuration(ClassLoader loader, String url, TestDatabase db, String sequenceNaming)
      throws ClassNotFoundException {
    Configuration configuration =
        new Configuration(new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build());
    for (String entity : concat(JpaDomain.ENTITIES, JpaDomain.SEQUENCED_ENTITIES)) {
      configuration.addAnnotatedClass(loader.loadClass(JpaDomain.PACKAGE + "." + entity));
    }
    // As Spring Boot's entity scan registers the packages it finds a package-info.java in.
    configuration.addPackage(JpaDomain.PACKAGE + ".billing");
    configuration.setPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy());
    configuration.setImplicitNamingStrategy(new SpringImplicitNamingStrategy());
    configuration.setProperty("hibernate.connection.url", url);
    configuration.setProperty("hibernate.connection.username", db.user());
    configuration.setProperty("hibernate.connection.password", db.password());
    configuration.setProperty("hibernate.hbm2ddl.auto", "validate");
    configuration.setProperty("hibernate.id.db_structure_naming_strategy", sequenceNaming);
    return configuration;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
