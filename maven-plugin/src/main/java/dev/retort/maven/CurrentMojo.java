package dev.retort.maven;

import dev.retort.cli.internal.Report;
import dev.retort.cli.internal.Settings;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Logs the database's current revision and the revisions not yet applied: {@code mvn compile retort:current}. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class CurrentMojo extends DatabaseMojo {

  /** Creates the goal; Maven calls this. */
  public CurrentMojo() {}

  @Override
  void run(Settings settings, ClassLoader loader) throws MojoExecutionException {
    info(settings, Report.current(connect(settings, loader).current()));
  }
}
