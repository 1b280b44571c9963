package dev.pipeliner.client.observation;

import io.micrometer.common.KeyValues;

/**
 * The observation {@code pipeliner.client.operation}, with the low-cardinality tags
 * {@code operation}, {@code entity} and {@code outcome}, and the high-cardinality tag
 * {@code team.pipeline}.
 */
public class DefaultPipelinerObservationConvention implements PipelinerObservationConvention {

	/** The name of the observation, and so of the timer Micrometer derives from it. */
	public static final String NAME = "pipeliner.client.operation";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(PipelinerObservationContext context) {
		return "pipeliner " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(PipelinerObservationContext context) {
		return KeyValues.of("operation", context.getOperation(), "entity", context.getEntity(), "outcome",
				context.getOutcome());
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(PipelinerObservationContext context) {
		return KeyValues.of("team.pipeline", context.getTeamPipeline());
	}

}
