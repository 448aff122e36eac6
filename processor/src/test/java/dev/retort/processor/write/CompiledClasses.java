package dev.retort.processor.write;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import javax.tools.JavaFileObject;

/** Loads the classes of a compile-testing compilation, on top of the test's own class path. */
final class CompiledClasses extends ClassLoader {

  private final Compilation compilation;

  private CompiledClasses(Compilation compilation) {
    super(CompiledClasses.class.getClassLoader());
    this.compilation = compilation;
  }

  /** Creates an instance of a compiled class through its public no-argument constructor. */
  static Object newInstance(Compilation compilation, String className) throws ReflectiveOperationException {
    return new CompiledClasses(compilation).loadClass(className).getConstructor().newInstance();
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    String path = "/CLASS_OUTPUT/" + name.replace('.', '/') + ".class";
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getName().equals(path)) {
        try (InputStream in = file.openInputStream()) {
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
    throw new ClassNotFoundException(name);
  }
}
