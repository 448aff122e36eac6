package dev.retort.spring.endpoint;

import dev.retort.runtime.AppliedRevision;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.spring.RetortMigrationInitializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;

/**
 * The Actuator endpoint {@code retort}: for each {@link Retort} bean of the application context
 * and of its ancestors, every revision of the build's history, oldest first, with whether it is
 * applied to that bean's database and, where the version table records them, when and for how
 * long it ran ({@link Retort#history()}). It reads the version table and changes nothing.
 *
 * <p>A bean whose history Retort refuses to give, such as one whose database holds a migration
 * changed after it was applied, is listed with the error's code and message instead of its
 * revisions, so that the endpoint still answers for the others.
 *
 * <p>A bean that start-up migrates in several schemas ({@code retort.current-schema=tenant_*}, or a list) is listed
 * with each schema's history, as the names and patterns select them at the time of the request, instead of the
 * history of the connection's own schema, which start-up leaves alone.
 */
@Endpoint(id = "retort")
public class RetortEndpoint {

  private final ApplicationContext context;

  /**
   * Creates the endpoint.
   *
   * @param context the context whose {@code Retort} beans, and whose ancestors', are described
   */
  public RetortEndpoint(ApplicationContext context) {
    this.context = Objects.requireNonNull(context, "context == null");
  }

  /**
   * Describes every {@code Retort} bean.
   *
   * @return the beans by context id, then by bean name
   */
  @ReadOperation
  public RetortBeansDescriptor retortBeans() {
    Map<String, ContextRetortBeansDescriptor> contexts = new LinkedHashMap<>();
    for (ApplicationContext target = context; target != null; target = target.getParent()) {
      Map<String, RetortDescriptor> beans = new TreeMap<>();
      Collection<RetortMigrationInitializer> initializers = target.getBeansOfType(RetortMigrationInitializer.class)
          .values();
      for (Map.Entry<String, Retort> bean : target.getBeansOfType(Retort.class).entrySet()) {
        beans.put(bean.getKey(), describe(bean.getValue(), initializers));
      }
      ApplicationContext parent = target.getParent();
      contexts.put(target.getId(), new ContextRetortBeansDescriptor(beans, parent == null ? null : parent.getId()));
    }
    return new RetortBeansDescriptor(contexts);
  }

  /** A bean's history, or, where an initializer migrates it in several schemas, each schema's. */
  private static RetortDescriptor describe(Retort retort, Collection<RetortMigrationInitializer> initializers) {
    for (RetortMigrationInitializer initializer : initializers) {
      if (initializer.retort() == retort && !initializer.schemas().isEmpty()) {
        return describeSchemas(retort, initializer.schemas());
      }
    }
    return describe(retort);
  }

  private static RetortDescriptor describeSchemas(Retort retort, List<String> namesOrPatterns) {
    List<String> schemas;
    try {
      schemas = retort.schemas(namesOrPatterns.toArray(String[]::new));
    } catch (RetortException e) {
      return failed(e);
    }
    Map<String, RetortDescriptor> described = new LinkedHashMap<>();
    for (String schema : schemas) {
      described.put(schema, describe(retort.withCurrentSchema(schema)));
    }
    return new RetortDescriptor(List.of(), null, described);
  }

  private static RetortDescriptor describe(Retort retort) {
    List<HistoryEntry> entries;
    try {
      entries = retort.history().entries();
    } catch (RetortException e) {
      return failed(e);
    }
    List<RevisionDescriptor> revisions = new ArrayList<>(entries.size());
    for (HistoryEntry entry : entries) {
      AppliedRevision applied = entry.applied().orElse(null);
      revisions.add(new RevisionDescriptor(entry.revision(), entry.parents(), entry.description(),
          applied == null ? State.PENDING : State.APPLIED, applied == null ? null : applied.appliedAt(),
          applied == null ? null : applied.executionTime().map(Duration::toMillis).orElse(null)));
    }
    return new RetortDescriptor(revisions, null, Map.of());
  }

  private static RetortDescriptor failed(RetortException e) {
    return new RetortDescriptor(List.of(), new ErrorDescriptor(e.code().name(), e.getMessage()), Map.of());
  }

  /**
   * What the endpoint answers: the {@code Retort} beans of the context and of its ancestors.
   *
   * @param contexts by context id, the endpoint's own context first
   */
  public record RetortBeansDescriptor(Map<String, ContextRetortBeansDescriptor> contexts)
      implements OperationResponseBody {}

  /**
   * The {@code Retort} beans of one application context.
   *
   * @param retortBeans by bean name, in the names' order
   * @param parentId the id of the parent context; {@code null} for none
   */
  public record ContextRetortBeansDescriptor(Map<String, RetortDescriptor> retortBeans, String parentId) {}

  /**
   * One {@code Retort} bean's history, or that of each schema start-up migrates with it.
   *
   * @param revisions every revision, oldest first; none when {@code error} is set, or when the bean is migrated in
   *     several schemas
   * @param error why Retort gave no history, or, for several schemas, could not select them; {@code null} when it did
   * @param schemas for a bean migrated in several schemas ({@code retort.current-schema=tenant_*}), each schema's
   *     history, by name in the order they are migrated; empty for a bean migrated in its own schema
   */
  public record RetortDescriptor(List<RevisionDescriptor> revisions, ErrorDescriptor error,
      Map<String, RetortDescriptor> schemas) {}

  /**
   * One revision.
   *
   * @param revision the revision id
   * @param parents the ids of the revisions it follows
   * @param description what the revision does
   * @param state whether it is applied to the database
   * @param appliedAt when it was applied (or stamped); {@code null} while pending
   * @param executionTime how long it ran, in milliseconds; {@code null} while pending, and when it
   *     was recorded without running (a stamp, an offline script)
   */
  public record RevisionDescriptor(String revision, List<String> parents, String description, State state,
      Instant appliedAt, Long executionTime) {}

  /**
   * Why a bean has no history.
   *
   * @param code Retort's error code, which the troubleshooting page of the guide explains
   * @param message what happened and what to do
   */
  public record ErrorDescriptor(String code, String message) {}

  /** Whether a revision is applied to the database. */
  public enum State {
    /** In the version table. */
    APPLIED,
    /** Not yet applied: the next upgrade to head runs it. */
    PENDING
  }
}
