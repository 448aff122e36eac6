package dev.retort.processor.write;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.retort.index.RevisionIndexFile;
import dev.retort.processor.SourceTrees;
import java.io.IOException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * The source checksums of migration classes, for the revision index: the checksum of the
 * source file javac compiles, read through javac's trees. With another compiler, or for a class
 * that comes from a class file, there is none, and the runtime verifies that revision by its
 * operations instead.
 */
public final class SourceChecksums {

  private final Trees trees;

  /**
   * Creates the reader.
   *
   * @param env the processing environment
   */
  public SourceChecksums(ProcessingEnvironment env) {
    this.trees = SourceTrees.of(env).orElse(null);
  }

  /**
   * The checksum of the file declaring a class.
   *
   * @param type the class
   * @return the checksum, or empty if the source is not available
   */
  public String of(TypeElement type) {
    if (trees == null || type == null) {
      return "";
    }
    TreePath path = trees.getPath(type);
    if (path == null) {
      return "";
    }
    try {
      return RevisionIndexFile.sourceChecksum(path.getCompilationUnit().getSourceFile().getCharContent(true));
    } catch (IOException e) {
      return "";
    }
  }
}
