package dev.retort.maven;

import dev.retort.cli.internal.Outcome;
import dev.retort.cli.internal.Settings;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Undoes applied revisions down to a target, newest first, and logs each with how long it
 * took: {@code mvn compile retort:downgrade -Dretort.target=-1}.
 */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class DowngradeMojo extends DatabaseMojo {

  /**
   * {@code base}, {@code -N}, or a revision id or unique prefix to stay at. Required, but checked
   * by the goal rather than by Maven, whose message for a missing parameter names no property.
   */
  @Parameter(property = "retort.target")
  String target;

  /** Creates the goal; Maven calls this. */
  public DowngradeMojo() {}

  @Override
  void run(Settings settings, ClassLoader loader) throws MojoExecutionException, MojoFailureException {
    if (target == null || target.isBlank()) {
      throw new MojoExecutionException("retort:downgrade needs a target, and has no default so that nothing is"
          + " undone by accident: -Dretort.target=-1 (one revision back), a revision id, or base (every revision)");
    }
    inEachSchema(settings, loader, Optional.empty(),
        (retort, scope) -> Outcome.migration(retort, in -> in.downgrade(target)));
  }
}
