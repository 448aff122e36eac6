package dev.retort.maven;

import dev.retort.cli.internal.Outcome;
import dev.retort.cli.internal.Settings;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Logs the database's current revision and the revisions not yet applied: {@code mvn compile retort:current}. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class CurrentMojo extends DatabaseMojo {

  /** Creates the goal; Maven calls this. */
  public CurrentMojo() {}

  @Override
  void run(Settings settings, ClassLoader loader) throws MojoExecutionException, MojoFailureException {
    inEachSchema(settings, loader, Optional.empty(), (retort, scope) -> Outcome.current(retort.current(), scope));
  }
}
