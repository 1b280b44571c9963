/**
 * Auto-configuration of the Pipeliner client: the {@code pipeliner.*} properties, the connection
 * details they or a test support provide, the injectable {@code PipelinerClient},
 * {@code BlockingPipelinerClient} and {@code PipelinerClients} registry built from them, a health
 * contributor, credential masking for the actuator, and failure analyses that name the property to
 * fix.
 */
@NullMarked
package dev.pipeliner.autoconfigure;

import org.jspecify.annotations.NullMarked;
