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
 * Applies the revisions not yet applied, up to a target, and logs each with how long it took:
 * {@code mvn compile retort:upgrade}, {@code -Dretort.target=+1}.
 */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class UpgradeMojo extends DatabaseMojo {

  /** {@code head} (the default), {@code +N}, or a revision id or unique prefix. */
  @Parameter(property = "retort.target", defaultValue = "head")
  String target;

  /**
   * On a database with tables but no version table, the revision to record first (with its
   * ancestors) as applied, as {@code retort:stamp} does, if the tables match its schema as
   * {@code retort:check} compares them; the goal fails, changing nothing, if they differ.
   * Ignored on an empty database and on one with a version table.
   */
  @Parameter(property = "retort.baseline")
  String baseline;

  /** Creates the goal; Maven calls this. */
  public UpgradeMojo() {}

  @Override
  void run(Settings settings, ClassLoader loader) throws MojoExecutionException, MojoFailureException {
    inEachSchema(settings, loader, Optional.ofNullable(baseline).filter(b -> !b.isBlank()),
        (retort, scope) -> Outcome.migration(retort, in -> in.upgrade(target)));
  }
}
