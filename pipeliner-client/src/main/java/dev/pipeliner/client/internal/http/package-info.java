/**
 * One HTTP exchange with the API and its bounds: URLs, authentication, the {@code User-Agent},
 * retries and {@code Retry-After}, timeouts, size-limited reading, the status-to-exception
 * mapping, throttling signals and logging. It knows no protocol: protocols and engines use it, and
 * it uses only {@code internal.arguments}. Not part of the public API.
 */
@NullMarked
package dev.pipeliner.client.internal.http;

import org.jspecify.annotations.NullMarked;
