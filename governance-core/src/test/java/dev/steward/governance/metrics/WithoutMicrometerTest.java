package dev.steward.governance.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is optional for governance-core: the engines that take a {@code meterRegistry(...)}
 * option must load, link (bytecode verification included) and run from a class path with no
 * Micrometer jar. Method handles drive them, since reflection's {@code getMethods()} would resolve
 * every signature, {@code meterRegistry(MeterRegistry)} included.
 */
class WithoutMicrometerTest {
  static final String[] ENGINES = {
    "dev.steward.governance.extract.CatalogExtractor",
    "dev.steward.governance.extract.CatalogExtractor$Builder",
    "dev.steward.governance.quality.QualitySync",
    "dev.steward.governance.quality.QualitySync$Builder",
    "dev.steward.governance.quality.QualityWebhookHandler",
    "dev.steward.governance.schedule.InProcessGovernanceScheduler",
    "dev.steward.governance.schedule.InProcessGovernanceScheduler$Builder",
    "dev.steward.governance.metrics.SchedulerMetrics",
    "dev.steward.governance.implementation.GovernanceMetrics"
  };

  @Test
  void theEnginesLinkAndTheSchedulerRunsWithNoMicrometerOnTheClassPath() throws Throwable {
    try (URLClassLoader loader = new URLClassLoader(urlsWithoutMicrometer(), jdkOnly())) {
      assertThatThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"))
          .isInstanceOf(ClassNotFoundException.class);
      for (String name : ENGINES) {
        // Initialising links the class, which runs the bytecode verifier over every method.
        assertThat(Class.forName(name, true, loader).getClassLoader()).isSameAs(loader);
      }
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> scheduler =
          loader.loadClass("dev.steward.governance.schedule.InProcessGovernanceScheduler");
      Class<?> builder = loader.loadClass(scheduler.getName() + "$Builder");
      Object b = lookup.findStatic(scheduler, "builder", MethodType.methodType(builder)).invoke();
      Object running =
          lookup.findVirtual(builder, "build", MethodType.methodType(scheduler)).invoke(b);
      Object status =
          lookup
              .findVirtual(scheduler, "status", MethodType.methodType(List.class))
              .invoke(running);
      assertThat((List<?>) status).isEmpty();
      lookup.findVirtual(scheduler, "close", MethodType.methodType(void.class)).invoke(running);
    }
  }

  /**
   * The JDK's classes only. The platform loader alone is not enough: it hands a class of a named
   * module in the boot layer (the test's own module path) to the application loader, Micrometer
   * included.
   */
  static ClassLoader jdkOnly() {
    return new ClassLoader(ClassLoader.getPlatformClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!(name.startsWith("java.")
            || name.startsWith("javax.")
            || name.startsWith("jdk.")
            || name.startsWith("sun.")
            || name.startsWith("com.sun.")
            || name.startsWith("org.w3c.")
            || name.startsWith("org.xml."))) {
          throw new ClassNotFoundException(name);
        }
        return super.loadClass(name, resolve);
      }
    };
  }

  static URL[] urlsWithoutMicrometer() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String property : new String[] {"jdk.module.path", "java.class.path"}) {
      String value = System.getProperty(property);
      if (value == null || value.isEmpty()) {
        continue;
      }
      for (String entry : value.split(File.pathSeparator)) {
        String file = new File(entry).getName();
        // Surefire's booter jar names every dependency in its manifest Class-Path: leave it out.
        if (!entry.isEmpty() && !file.startsWith("micrometer-") && !file.startsWith("surefire")) {
          urls.add(new File(entry).toURI().toURL());
        }
      }
    }
    return urls.toArray(new URL[0]);
  }
}
