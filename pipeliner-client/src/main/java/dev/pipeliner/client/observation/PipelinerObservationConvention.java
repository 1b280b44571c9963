package dev.pipeliner.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a client operation. Implement it (or extend
 * {@link DefaultPipelinerObservationConvention}) and give it to the client builder, or declare it
 * as a bean, to change them.
 */
public interface PipelinerObservationConvention extends ObservationConvention<PipelinerObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof PipelinerObservationContext;
	}

}
