/**
 * The standard entities of the Cloud API v100: a record for each ({@code Contact},
 * {@code Account}, {@code Lead}, {@code Opportunity}, {@code Task}, {@code Appointment},
 * {@code Note}, {@code Product}, {@code Client}, {@code SalesUnit} and the others the project's
 * v100 contract describes) to read entities into, with java.time, {@code BigDecimal} and enum
 * components, relation ids, and the custom fields in a map; and the names of their fields as
 * constants for filters, sorts, {@code loadOnly} and {@code expand}, so that a misspelt name
 * does not compile. The build generates the records from {@code contract/pipeliner-v100.openapi.json};
 * their Javadoc says which fields a create requires, which are read-only, and which take their
 * values from a data set.
 */
@NullMarked
package dev.pipeliner.client.v100;

import org.jspecify.annotations.NullMarked;
