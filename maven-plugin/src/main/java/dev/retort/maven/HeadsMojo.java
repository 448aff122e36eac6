package dev.retort.maven;

import dev.retort.cli.internal.Report;
import dev.retort.cli.internal.Settings;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Logs the head revision of the project's history; does not connect: {@code mvn compile retort:heads}. */
@Mojo(name = "heads", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class HeadsMojo extends DatabaseMojo {

  /** Creates the goal; Maven calls this. */
  public HeadsMojo() {}

  @Override
  void run(Settings settings, ClassLoader loader) throws MojoExecutionException {
    info(settings, Report.heads(offline(settings, loader).heads()));
  }
}
