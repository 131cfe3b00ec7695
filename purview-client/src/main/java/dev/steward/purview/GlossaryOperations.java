package dev.steward.purview;

import static com.azure.core.http.HttpMethod.DELETE;
import static com.azure.core.http.HttpMethod.GET;
import static com.azure.core.http.HttpMethod.POST;
import static com.azure.core.http.HttpMethod.PUT;
import static dev.steward.purview.implementation.PurviewHttp.require;
import static dev.steward.purview.implementation.PurviewHttp.seg;

import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.steward.purview.implementation.PurviewHttp;
import dev.steward.purview.implementation.PurviewHttp.Kind;
import dev.steward.purview.models.AtlasGlossary;
import dev.steward.purview.models.AtlasGlossaryCategory;
import dev.steward.purview.models.AtlasGlossaryExtInfo;
import dev.steward.purview.models.AtlasGlossaryTerm;
import dev.steward.purview.models.AtlasRelatedCategoryHeader;
import dev.steward.purview.models.AtlasRelatedObjectId;
import dev.steward.purview.models.AtlasRelatedTermHeader;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Glossaries, terms and categories, and assigning terms to entities. Obtain from {@link
 * PurviewDataMapClient#glossary()}.
 */
public final class GlossaryOperations {
  private static final TypeReference<List<AtlasGlossary>> GLOSSARIES = new TypeReference<>() {};
  private static final TypeReference<List<AtlasGlossaryTerm>> TERMS = new TypeReference<>() {};
  private static final TypeReference<List<AtlasRelatedTermHeader>> TERM_HEADERS =
      new TypeReference<>() {};
  private static final TypeReference<List<AtlasGlossaryCategory>> CATEGORIES =
      new TypeReference<>() {};
  private static final TypeReference<List<AtlasRelatedCategoryHeader>> CATEGORY_HEADERS =
      new TypeReference<>() {};
  private static final TypeReference<Map<String, List<AtlasRelatedTermHeader>>> RELATED_TERMS =
      new TypeReference<>() {};
  private static final TypeReference<List<AtlasRelatedObjectId>> OBJECT_IDS =
      new TypeReference<>() {};
  private static final TypeReference<Map<String, List<AtlasRelatedCategoryHeader>>>
      RELATED_CATEGORIES = new TypeReference<>() {};

  private final PurviewHttp http;

  GlossaryOperations(PurviewHttp http) {
    this.http = http;
  }

  /**
   * All glossaries.
   *
   * @return the result
   */
  public List<AtlasGlossary> listGlossaries() {
    return listGlossariesWithResponse(Context.NONE).getValue();
  }

  /**
   * All glossaries.
   *
   * @param context the call context
   * @return the response
   */
  public Response<List<AtlasGlossary>> listGlossariesWithResponse(Context context) {
    return http.call(GET, "/atlas/v2/glossary", Kind.OTHER).send(GLOSSARIES, context);
  }

  /**
   * A glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @return the result
   */
  public AtlasGlossary getGlossary(String glossaryGuid) {
    return getGlossaryWithResponse(glossaryGuid, Context.NONE).getValue();
  }

  /**
   * A glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @param context the call context
   * @return the response
   */
  public Response<AtlasGlossary> getGlossaryWithResponse(String glossaryGuid, Context context) {
    return http.call(
            GET, "/atlas/v2/glossary/" + seg(require(glossaryGuid, "glossaryGuid")), Kind.OTHER)
        .send(AtlasGlossary.class, context);
  }

  /**
   * A glossary with its terms and categories in full.
   *
   * @param glossaryGuid the glossaryGuid
   * @return the result
   */
  public AtlasGlossaryExtInfo getGlossaryDetailed(String glossaryGuid) {
    return getGlossaryDetailedWithResponse(glossaryGuid, Context.NONE).getValue();
  }

  /**
   * A glossary with its terms and categories in full.
   *
   * @param glossaryGuid the glossaryGuid
   * @param context the call context
   * @return the response
   */
  public Response<AtlasGlossaryExtInfo> getGlossaryDetailedWithResponse(
      String glossaryGuid, Context context) {
    return http.call(
            GET,
            "/atlas/v2/glossary/" + seg(require(glossaryGuid, "glossaryGuid")) + "/detailed",
            Kind.OTHER)
        .send(AtlasGlossaryExtInfo.class, context);
  }

  /**
   * Creates a glossary.
   *
   * @param glossary the glossary
   * @return the result
   */
  public AtlasGlossary createGlossary(AtlasGlossary glossary) {
    return createGlossaryWithResponse(glossary, Context.NONE).getValue();
  }

  /**
   * Creates a glossary.
   *
   * @param glossary the glossary
   * @param context the call context
   * @return the response
   */
  public Response<AtlasGlossary> createGlossaryWithResponse(
      AtlasGlossary glossary, Context context) {
    return http.call(POST, "/atlas/v2/glossary", Kind.OTHER)
        .body(Objects.requireNonNull(glossary, "glossary"))
        .send(AtlasGlossary.class, context);
  }

  /**
   * Replaces a glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @param glossary the glossary
   * @return the result
   */
  public AtlasGlossary updateGlossary(String glossaryGuid, AtlasGlossary glossary) {
    return updateGlossaryWithResponse(glossaryGuid, glossary, Context.NONE).getValue();
  }

  /**
   * Replaces a glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @param glossary the glossary
   * @param context the call context
   * @return the response
   */
  public Response<AtlasGlossary> updateGlossaryWithResponse(
      String glossaryGuid, AtlasGlossary glossary, Context context) {
    return http.call(
            PUT, "/atlas/v2/glossary/" + seg(require(glossaryGuid, "glossaryGuid")), Kind.OTHER)
        .body(Objects.requireNonNull(glossary, "glossary"))
        .send(AtlasGlossary.class, context);
  }

  /**
   * Changes some attributes of a glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @param updates the updates
   * @return the result
   */
  public AtlasGlossary partialUpdateGlossary(String glossaryGuid, Map<String, String> updates) {
    return partialUpdateGlossaryWithResponse(glossaryGuid, updates, Context.NONE).getValue();
  }

  /**
   * Changes some attributes of a glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @param updates the updates
   * @param context the call context
   * @return the response
   */
  public Response<AtlasGlossary> partialUpdateGlossaryWithResponse(
      String glossaryGuid, Map<String, String> updates, Context context) {
    return http.call(
            PUT,
            "/atlas/v2/glossary/" + seg(require(glossaryGuid, "glossaryGuid")) + "/partial",
            Kind.OTHER)
        .body(Objects.requireNonNull(updates, "updates"))
        .send(AtlasGlossary.class, context);
  }

  /**
   * Deletes a glossary.
   *
   * @param glossaryGuid the glossaryGuid
   */
  public void deleteGlossary(String glossaryGuid) {
    deleteGlossaryWithResponse(glossaryGuid, Context.NONE);
  }

  /**
   * Deletes a glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @param context the call context
   * @return the response
   */
  public Response<Void> deleteGlossaryWithResponse(String glossaryGuid, Context context) {
    return http.call(
            DELETE, "/atlas/v2/glossary/" + seg(require(glossaryGuid, "glossaryGuid")), Kind.OTHER)
        .sendVoid(context);
  }

  /**
   * The terms of a glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @return the result
   */
  public List<AtlasGlossaryTerm> listTerms(String glossaryGuid) {
    return listTermsWithResponse(glossaryGuid, Context.NONE).getValue();
  }

  /**
   * The terms of a glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @param context the call context
   * @return the response
   */
  public Response<List<AtlasGlossaryTerm>> listTermsWithResponse(
      String glossaryGuid, Context context) {
    return http.call(
            GET,
            "/atlas/v2/glossary/" + seg(require(glossaryGuid, "glossaryGuid")) + "/terms",
            Kind.OTHER)
        .send(TERMS, context);
  }

  /**
   * Headers of the terms of a glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @return the result
   */
  public List<AtlasRelatedTermHeader> listTermHeaders(String glossaryGuid) {
    return listTermHeadersWithResponse(glossaryGuid, Context.NONE).getValue();
  }

  /**
   * Headers of the terms of a glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @param context the call context
   * @return the response
   */
  public Response<List<AtlasRelatedTermHeader>> listTermHeadersWithResponse(
      String glossaryGuid, Context context) {
    return http.call(
            GET,
            "/atlas/v2/glossary/" + seg(require(glossaryGuid, "glossaryGuid")) + "/terms/headers",
            Kind.OTHER)
        .send(TERM_HEADERS, context);
  }

  /**
   * The categories of a glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @return the result
   */
  public List<AtlasGlossaryCategory> listCategories(String glossaryGuid) {
    return listCategoriesWithResponse(glossaryGuid, Context.NONE).getValue();
  }

  /**
   * The categories of a glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @param context the call context
   * @return the response
   */
  public Response<List<AtlasGlossaryCategory>> listCategoriesWithResponse(
      String glossaryGuid, Context context) {
    return http.call(
            GET,
            "/atlas/v2/glossary/" + seg(require(glossaryGuid, "glossaryGuid")) + "/categories",
            Kind.OTHER)
        .send(CATEGORIES, context);
  }

  /**
   * Headers of the categories of a glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @return the result
   */
  public List<AtlasRelatedCategoryHeader> listCategoryHeaders(String glossaryGuid) {
    return listCategoryHeadersWithResponse(glossaryGuid, Context.NONE).getValue();
  }

  /**
   * Headers of the categories of a glossary.
   *
   * @param glossaryGuid the glossaryGuid
   * @param context the call context
   * @return the response
   */
  public Response<List<AtlasRelatedCategoryHeader>> listCategoryHeadersWithResponse(
      String glossaryGuid, Context context) {
    return http.call(
            GET,
            "/atlas/v2/glossary/"
                + seg(require(glossaryGuid, "glossaryGuid"))
                + "/categories/headers",
            Kind.OTHER)
        .send(CATEGORY_HEADERS, context);
  }

  /**
   * A term.
   *
   * @param termGuid the termGuid
   * @return the result
   */
  public AtlasGlossaryTerm getTerm(String termGuid) {
    return getTermWithResponse(termGuid, Context.NONE).getValue();
  }

  /**
   * A term.
   *
   * @param termGuid the termGuid
   * @param context the call context
   * @return the response
   */
  public Response<AtlasGlossaryTerm> getTermWithResponse(String termGuid, Context context) {
    return http.call(
            GET, "/atlas/v2/glossary/term/" + seg(require(termGuid, "termGuid")), Kind.OTHER)
        .send(AtlasGlossaryTerm.class, context);
  }

  /**
   * Creates a term.
   *
   * @param term the term
   * @return the result
   */
  public AtlasGlossaryTerm createTerm(AtlasGlossaryTerm term) {
    return createTermWithResponse(term, Context.NONE).getValue();
  }

  /**
   * Creates a term.
   *
   * @param term the term
   * @param context the call context
   * @return the response
   */
  public Response<AtlasGlossaryTerm> createTermWithResponse(
      AtlasGlossaryTerm term, Context context) {
    return http.call(POST, "/atlas/v2/glossary/term", Kind.OTHER)
        .body(Objects.requireNonNull(term, "term"))
        .send(AtlasGlossaryTerm.class, context);
  }

  /**
   * Creates several terms.
   *
   * @param terms the terms
   * @return the result
   */
  public List<AtlasGlossaryTerm> createTerms(List<AtlasGlossaryTerm> terms) {
    return createTermsWithResponse(terms, Context.NONE).getValue();
  }

  /**
   * Creates several terms.
   *
   * @param terms the terms
   * @param context the call context
   * @return the response
   */
  public Response<List<AtlasGlossaryTerm>> createTermsWithResponse(
      List<AtlasGlossaryTerm> terms, Context context) {
    return http.call(POST, "/atlas/v2/glossary/terms", Kind.OTHER)
        .body(Objects.requireNonNull(terms, "terms"))
        .send(TERMS, context);
  }

  /**
   * Replaces a term.
   *
   * @param termGuid the termGuid
   * @param term the term
   * @return the result
   */
  public AtlasGlossaryTerm updateTerm(String termGuid, AtlasGlossaryTerm term) {
    return updateTermWithResponse(termGuid, term, Context.NONE).getValue();
  }

  /**
   * Replaces a term.
   *
   * @param termGuid the termGuid
   * @param term the term
   * @param context the call context
   * @return the response
   */
  public Response<AtlasGlossaryTerm> updateTermWithResponse(
      String termGuid, AtlasGlossaryTerm term, Context context) {
    return http.call(
            PUT, "/atlas/v2/glossary/term/" + seg(require(termGuid, "termGuid")), Kind.OTHER)
        .body(Objects.requireNonNull(term, "term"))
        .send(AtlasGlossaryTerm.class, context);
  }

  /**
   * Changes some attributes of a term.
   *
   * @param termGuid the termGuid
   * @param updates the updates
   * @return the result
   */
  public AtlasGlossaryTerm partialUpdateTerm(String termGuid, Map<String, String> updates) {
    return partialUpdateTermWithResponse(termGuid, updates, Context.NONE).getValue();
  }

  /**
   * Changes some attributes of a term.
   *
   * @param termGuid the termGuid
   * @param updates the updates
   * @param context the call context
   * @return the response
   */
  public Response<AtlasGlossaryTerm> partialUpdateTermWithResponse(
      String termGuid, Map<String, String> updates, Context context) {
    return http.call(
            PUT,
            "/atlas/v2/glossary/term/" + seg(require(termGuid, "termGuid")) + "/partial",
            Kind.OTHER)
        .body(Objects.requireNonNull(updates, "updates"))
        .send(AtlasGlossaryTerm.class, context);
  }

  /**
   * Deletes a term.
   *
   * @param termGuid the termGuid
   */
  public void deleteTerm(String termGuid) {
    deleteTermWithResponse(termGuid, Context.NONE);
  }

  /**
   * Deletes a term.
   *
   * @param termGuid the termGuid
   * @param context the call context
   * @return the response
   */
  public Response<Void> deleteTermWithResponse(String termGuid, Context context) {
    return http.call(
            DELETE, "/atlas/v2/glossary/term/" + seg(require(termGuid, "termGuid")), Kind.OTHER)
        .sendVoid(context);
  }

  /**
   * Terms related to a term, by relation kind (synonyms, seeAlso, ...).
   *
   * @param termGuid the termGuid
   * @return the result
   */
  public Map<String, List<AtlasRelatedTermHeader>> listRelatedTerms(String termGuid) {
    return listRelatedTermsWithResponse(termGuid, Context.NONE).getValue();
  }

  /**
   * Terms related to a term, by relation kind (synonyms, seeAlso, ...).
   *
   * @param termGuid the termGuid
   * @param context the call context
   * @return the response
   */
  public Response<Map<String, List<AtlasRelatedTermHeader>>> listRelatedTermsWithResponse(
      String termGuid, Context context) {
    return http.call(
            GET,
            "/atlas/v2/glossary/terms/" + seg(require(termGuid, "termGuid")) + "/related",
            Kind.OTHER)
        .send(RELATED_TERMS, context);
  }

  /**
   * The entities a term is assigned to.
   *
   * @param termGuid the termGuid
   * @return the result
   */
  public List<AtlasRelatedObjectId> listAssignedEntities(String termGuid) {
    return listAssignedEntitiesWithResponse(termGuid, Context.NONE).getValue();
  }

  /**
   * The entities a term is assigned to.
   *
   * @param termGuid the termGuid
   * @param context the call context
   * @return the response
   */
  public Response<List<AtlasRelatedObjectId>> listAssignedEntitiesWithResponse(
      String termGuid, Context context) {
    return http.call(
            GET,
            "/atlas/v2/glossary/terms/" + seg(require(termGuid, "termGuid")) + "/assignedEntities",
            Kind.OTHER)
        .send(OBJECT_IDS, context);
  }

  /**
   * Assigns a term to entities.
   *
   * @param termGuid the termGuid
   * @param entities the entities
   */
  public void assignTerm(String termGuid, List<AtlasRelatedObjectId> entities) {
    assignTermWithResponse(termGuid, entities, Context.NONE);
  }

  /**
   * Assigns a term to entities.
   *
   * @param termGuid the termGuid
   * @param entities the entities
   * @param context the call context
   * @return the response
   */
  public Response<Void> assignTermWithResponse(
      String termGuid, List<AtlasRelatedObjectId> entities, Context context) {
    return http.call(
            POST,
            "/atlas/v2/glossary/terms/" + seg(require(termGuid, "termGuid")) + "/assignedEntities",
            Kind.OTHER)
        .body(Objects.requireNonNull(entities, "entities"))
        .sendVoid(context);
  }

  /**
   * Removes a term from entities (each with its relationshipGuid).
   *
   * @param termGuid the termGuid
   * @param entities the entities
   */
  public void removeTermAssignment(String termGuid, List<AtlasRelatedObjectId> entities) {
    removeTermAssignmentWithResponse(termGuid, entities, Context.NONE);
  }

  /**
   * Removes a term from entities (each with its relationshipGuid).
   *
   * @param termGuid the termGuid
   * @param entities the entities
   * @param context the call context
   * @return the response
   */
  public Response<Void> removeTermAssignmentWithResponse(
      String termGuid, List<AtlasRelatedObjectId> entities, Context context) {
    return http.call(
            DELETE,
            "/atlas/v2/glossary/terms/" + seg(require(termGuid, "termGuid")) + "/assignedEntities",
            Kind.OTHER)
        .body(Objects.requireNonNull(entities, "entities"))
        .sendVoid(context);
  }

  /**
   * A category.
   *
   * @param categoryGuid the categoryGuid
   * @return the result
   */
  public AtlasGlossaryCategory getCategory(String categoryGuid) {
    return getCategoryWithResponse(categoryGuid, Context.NONE).getValue();
  }

  /**
   * A category.
   *
   * @param categoryGuid the categoryGuid
   * @param context the call context
   * @return the response
   */
  public Response<AtlasGlossaryCategory> getCategoryWithResponse(
      String categoryGuid, Context context) {
    return http.call(
            GET,
            "/atlas/v2/glossary/category/" + seg(require(categoryGuid, "categoryGuid")),
            Kind.OTHER)
        .send(AtlasGlossaryCategory.class, context);
  }

  /**
   * Creates a category.
   *
   * @param category the category
   * @return the result
   */
  public AtlasGlossaryCategory createCategory(AtlasGlossaryCategory category) {
    return createCategoryWithResponse(category, Context.NONE).getValue();
  }

  /**
   * Creates a category.
   *
   * @param category the category
   * @param context the call context
   * @return the response
   */
  public Response<AtlasGlossaryCategory> createCategoryWithResponse(
      AtlasGlossaryCategory category, Context context) {
    return http.call(POST, "/atlas/v2/glossary/category", Kind.OTHER)
        .body(Objects.requireNonNull(category, "category"))
        .send(AtlasGlossaryCategory.class, context);
  }

  /**
   * Creates several categories.
   *
   * @param categories the categories
   * @return the result
   */
  public List<AtlasGlossaryCategory> createCategories(List<AtlasGlossaryCategory> categories) {
    return createCategoriesWithResponse(categories, Context.NONE).getValue();
  }

  /**
   * Creates several categories.
   *
   * @param categories the categories
   * @param context the call context
   * @return the response
   */
  public Response<List<AtlasGlossaryCategory>> createCategoriesWithResponse(
      List<AtlasGlossaryCategory> categories, Context context) {
    return http.call(POST, "/atlas/v2/glossary/categories", Kind.OTHER)
        .body(Objects.requireNonNull(categories, "categories"))
        .send(CATEGORIES, context);
  }

  /**
   * Replaces a category.
   *
   * @param categoryGuid the categoryGuid
   * @param category the category
   * @return the result
   */
  public AtlasGlossaryCategory updateCategory(String categoryGuid, AtlasGlossaryCategory category) {
    return updateCategoryWithResponse(categoryGuid, category, Context.NONE).getValue();
  }

  /**
   * Replaces a category.
   *
   * @param categoryGuid the categoryGuid
   * @param category the category
   * @param context the call context
   * @return the response
   */
  public Response<AtlasGlossaryCategory> updateCategoryWithResponse(
      String categoryGuid, AtlasGlossaryCategory category, Context context) {
    return http.call(
            PUT,
            "/atlas/v2/glossary/category/" + seg(require(categoryGuid, "categoryGuid")),
            Kind.OTHER)
        .body(Objects.requireNonNull(category, "category"))
        .send(AtlasGlossaryCategory.class, context);
  }

  /**
   * Changes some attributes of a category.
   *
   * @param categoryGuid the categoryGuid
   * @param updates the updates
   * @return the result
   */
  public AtlasGlossaryCategory partialUpdateCategory(
      String categoryGuid, Map<String, String> updates) {
    return partialUpdateCategoryWithResponse(categoryGuid, updates, Context.NONE).getValue();
  }

  /**
   * Changes some attributes of a category.
   *
   * @param categoryGuid the categoryGuid
   * @param updates the updates
   * @param context the call context
   * @return the response
   */
  public Response<AtlasGlossaryCategory> partialUpdateCategoryWithResponse(
      String categoryGuid, Map<String, String> updates, Context context) {
    return http.call(
            PUT,
            "/atlas/v2/glossary/category/"
                + seg(require(categoryGuid, "categoryGuid"))
                + "/partial",
            Kind.OTHER)
        .body(Objects.requireNonNull(updates, "updates"))
        .send(AtlasGlossaryCategory.class, context);
  }

  /**
   * Deletes a category.
   *
   * @param categoryGuid the categoryGuid
   */
  public void deleteCategory(String categoryGuid) {
    deleteCategoryWithResponse(categoryGuid, Context.NONE);
  }

  /**
   * Deletes a category.
   *
   * @param categoryGuid the categoryGuid
   * @param context the call context
   * @return the response
   */
  public Response<Void> deleteCategoryWithResponse(String categoryGuid, Context context) {
    return http.call(
            DELETE,
            "/atlas/v2/glossary/category/" + seg(require(categoryGuid, "categoryGuid")),
            Kind.OTHER)
        .sendVoid(context);
  }

  /**
   * Categories related to a category (parent, children).
   *
   * @param categoryGuid the categoryGuid
   * @return the result
   */
  public Map<String, List<AtlasRelatedCategoryHeader>> listRelatedCategories(String categoryGuid) {
    return listRelatedCategoriesWithResponse(categoryGuid, Context.NONE).getValue();
  }

  /**
   * Categories related to a category (parent, children).
   *
   * @param categoryGuid the categoryGuid
   * @param context the call context
   * @return the response
   */
  public Response<Map<String, List<AtlasRelatedCategoryHeader>>> listRelatedCategoriesWithResponse(
      String categoryGuid, Context context) {
    return http.call(
            GET,
            "/atlas/v2/glossary/category/"
                + seg(require(categoryGuid, "categoryGuid"))
                + "/related",
            Kind.OTHER)
        .send(RELATED_CATEGORIES, context);
  }

  /**
   * The terms of a category.
   *
   * @param categoryGuid the categoryGuid
   * @return the result
   */
  public List<AtlasRelatedTermHeader> listCategoryTerms(String categoryGuid) {
    return listCategoryTermsWithResponse(categoryGuid, Context.NONE).getValue();
  }

  /**
   * The terms of a category.
   *
   * @param categoryGuid the categoryGuid
   * @param context the call context
   * @return the response
   */
  public Response<List<AtlasRelatedTermHeader>> listCategoryTermsWithResponse(
      String categoryGuid, Context context) {
    return http.call(
            GET,
            "/atlas/v2/glossary/category/" + seg(require(categoryGuid, "categoryGuid")) + "/terms",
            Kind.OTHER)
        .send(TERM_HEADERS, context);
  }
}
