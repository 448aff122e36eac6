package dev.retort.maven;

import dev.retort.cli.internal.Outcome;
import dev.retort.cli.internal.Settings;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Records a revision as applied without running any migration, to adopt a database whose
 * schema already matches it: {@code mvn compile retort:stamp -Dretort.target=head}.
 */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class StampMojo extends DatabaseMojo {

  /**
   * {@code head}, {@code base}, {@code +N}, {@code -N}, or a revision id or unique prefix; several
   * revisions separated by commas record several branches ({@code -Dretort.target=a,b}). Required,
   * but checked by the goal rather than by Maven, whose message for a missing parameter names no
   * property.
   */
  @Parameter(property = "retort.target")
  String target;

  /** Creates the goal; Maven calls this. */
  public StampMojo() {}

  @Override
  void run(Settings settings, ClassLoader loader) throws MojoExecutionException, MojoFailureException {
    List<String> targets = target == null
        ? List.of()
        : Arrays.stream(target.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    if (targets.isEmpty()) {
      throw new MojoExecutionException("retort:stamp needs a target: -Dretort.target=head (record the newest"
          + " revision as applied without running it, like Flyway's baseline), or a revision id");
    }
    String[] more = targets.subList(1, targets.size()).toArray(String[]::new);
    inEachSchema(settings, loader, Optional.empty(),
        (retort, scope) -> Outcome.stamp(retort.stamp(targets.get(0), more), retort.heads()));
  }
}
