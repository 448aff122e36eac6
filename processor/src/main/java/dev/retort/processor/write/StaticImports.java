package dev.retort.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The static imports a generated file uses, collected while its code is written so that the
 * file imports exactly the members it calls.
 */
final class StaticImports {

  private final Map<ClassName, Set<String>> members = new TreeMap<>((a, b) -> a.canonicalName().compareTo(b.canonicalName()));

  /**
   * Records a use of a static member.
   *
   * @param owner the class declaring it
   * @param member the member's name
   * @return {@code member}, to write in the code
   */
  String use(ClassName owner, String member) {
    members.computeIfAbsent(owner, o -> new TreeSet<>()).add(member);
    return member;
  }

  /** Adds the recorded imports to a file. */
  void addTo(JavaFile.Builder file) {
    members.forEach((owner, names) -> file.addStaticImport(owner, names.toArray(String[]::new)));
  }
}
