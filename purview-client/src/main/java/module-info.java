/**
 * Steward's typed client for the Microsoft Purview Data Map (Atlas v2) API, on azure-core.
 *
 * <p>Start with {@link dev.steward.purview.PurviewDataMapClientBuilder}.
 */
// micrometer.core is an automatic module (Micrometer 1.x ships an Automatic-Module-Name only), and
// javac warns about every "requires" of one. The API names MeterRegistry, so it is transitive.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.steward.purview {
  requires transitive com.azure.core;
  requires transitive com.fasterxml.jackson.databind;
  requires com.azure.core.http.jdk.httpclient;
  requires com.azure.identity;
  requires org.slf4j;
  // Optional: only PurviewDataMapClientBuilder.meterRegistry(...) and the class it creates use it,
  // so applications without Micrometer resolve and run this module without it.
  requires static transitive micrometer.core;

  exports dev.steward.purview;
  exports dev.steward.purview.models;

  // Jackson reads and writes the model records, and instantiates the implementation's owned
  // collection types (see Immutables).
  opens dev.steward.purview.models to
      com.fasterxml.jackson.databind;
  opens dev.steward.purview.implementation to
      com.fasterxml.jackson.databind;
}
