package dev.retort.maven;

import dev.retort.cli.internal.Outcome;
import dev.retort.cli.internal.Settings;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compares the live database with the schema its current revision should have and lists every
 * difference; fails the build when there is one (drift detection):
 * {@code mvn compile retort:check}.
 */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class CheckMojo extends DatabaseMojo {

  /** Whether a difference fails the build; when false it is only logged as a warning. */
  @Parameter(property = "retort.failOnDifference", defaultValue = "true")
  boolean failOnDifference;

  /** Creates the goal; Maven calls this. */
  public CheckMojo() {}

  @Override
  void run(Settings settings, ClassLoader loader) throws MojoExecutionException, MojoFailureException {
    List<String> lines = inEachSchema(settings, loader, Optional.empty(),
        (retort, scope) -> Outcome.check(retort.check(), retort.heads(), scope));
    if (lines.isEmpty()) {
      return;
    }
    if (failOnDifference) {
      // The differences go into the failure itself, not into warnings before it: a quiet build
      // (mvn -q, as CI runs it) prints the failure and hides the warnings.
      throw new MojoFailureException(settings.secrets().mask(String.join("\n", lines)));
    }
    lines.forEach(line -> getLog().warn(settings.secrets().mask(line)));
  }
}
