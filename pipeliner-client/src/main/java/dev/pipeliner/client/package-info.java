/**
 * The Pipeliner client: {@link dev.pipeliner.client.PipelinerClient}, a reactive facade over the
 * vendor's twelve operations on both versions of the API, built by
 * {@link dev.pipeliner.client.PipelinerClientBuilder}, with its blocking twin, and the values that
 * calls take and give: entities, pages, batch results, flags and the retry and logging settings.
 */
@NullMarked
package dev.pipeliner.client;

import org.jspecify.annotations.NullMarked;
