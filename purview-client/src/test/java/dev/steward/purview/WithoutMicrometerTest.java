package dev.steward.purview;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency: the client must build and send requests from a class path
 * that has no Micrometer jar at all. The client runs in a class loader that sees the test's class
 * path and module path minus every Micrometer jar, and is driven through method handles (which
 * resolve one method, unlike reflection's {@code getMethods()}, which would resolve every
 * signature).
 */
class WithoutMicrometerTest extends WireMockSupport {
  static final String ENTITY =
      "{\"entity\":{\"typeName\":\"azure_sql_table\",\"guid\":\"g1\",\"attributes\":{\"qualifiedName\":\"q\"}}}";

  @Test
  void theClientWorksWithNoMicrometerOnTheClassPath() throws Throwable {
    server.stubFor(
        get(urlEqualTo("/datamap/api/atlas/v2/entity/guid/g1?api-version=2023-09-01"))
            .willReturn(okJson(ENTITY)));
    try (URLClassLoader loader = new URLClassLoader(urlsWithoutMicrometer(), jdkOnly())) {
      assertThatThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"))
          .isInstanceOf(ClassNotFoundException.class);
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builderType = loader.loadClass("dev.steward.purview.PurviewDataMapClientBuilder");
      Class<?> clientType = loader.loadClass("dev.steward.purview.PurviewDataMapClient");
      Class<?> entitiesType = loader.loadClass("dev.steward.purview.EntityOperations");
      Class<?> credentialType = loader.loadClass("com.azure.core.credential.TokenCredential");
      Class<?> staticCredential = loader.loadClass("dev.steward.purview.StaticTokenCredential");
      Class<?> entityType = loader.loadClass("dev.steward.purview.models.AtlasEntityWithExtInfo");

      Object builder =
          lookup.findConstructor(builderType, MethodType.methodType(void.class)).invoke();
      fluent(lookup, builderType, "endpoint", String.class).invoke(builder, endpoint());
      fluent(lookup, builderType, "allowInsecureLoopback", boolean.class).invoke(builder, true);
      Object credential =
          lookup
              .findConstructor(staticCredential, MethodType.methodType(void.class, String.class))
              .invoke(TOKEN);
      fluent(lookup, builderType, "credential", credentialType).invoke(builder, credential);
      Object client =
          lookup
              .findVirtual(builderType, "buildClient", MethodType.methodType(clientType))
              .invoke(builder);
      Object entities =
          lookup
              .findVirtual(clientType, "entities", MethodType.methodType(entitiesType))
              .invoke(client);
      Object entity =
          lookup
              .findVirtual(entitiesType, "get", MethodType.methodType(entityType, String.class))
              .invoke(entities, "g1");

      assertThat(entity.getClass().getClassLoader()).isSameAs(loader);
      assertThat(entity.toString()).contains("g1");
    }
  }

  private static MethodHandle fluent(
      MethodHandles.Lookup lookup, Class<?> type, String name, Class<?> parameter)
      throws ReflectiveOperationException {
    return lookup.findVirtual(type, name, MethodType.methodType(type, parameter));
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
