package dev.retort.spring.docs;

import dev.retort.runtime.Current;
import dev.retort.runtime.MigrationRun;
import dev.retort.spring.RetortBuilderCustomizer;
import dev.retort.spring.RetortMigrationStrategy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The configurations that docs/spring-boot.md quotes, run by RetortAutoConfigurationTest. */
public final class StartUpStrategies {

  private StartUpStrategies() {}

  /** The deployment pipeline migrates; the application only refuses to start on a database behind it. */
  // tag::verify-only[]
  @Configuration
  public static class VerifyOnly {

    @Bean
    RetortMigrationStrategy verifyOnly() {
      return retort -> {
        Current current = retort.current();
        if (!current.atHead()) {
          throw new IllegalStateException("The database is at " + current.revisions() + ", not at "
              + current.head() + ": run the deployment's migration step before starting the application");
        }
      };
    }
  }
  // end::verify-only[]

  /** Keeps what each migration did, for the application's health page. */
  // tag::customizer[]
  @Configuration
  public static class KeepProgress {

    static final List<MigrationRun> RUNS = new CopyOnWriteArrayList<>();

    @Bean
    RetortBuilderCustomizer keepProgress() {
      return builder -> builder.progress(RUNS::add);
    }
  }
  // end::customizer[]

  /** What {@link KeepProgress} kept. */
  public static List<MigrationRun> runs() {
    return List.copyOf(KeepProgress.RUNS);
  }
}
