package dev.pipeliner.client.observation;

import io.micrometer.observation.Observation;

/**
 * What an observation of one client operation knows: the operation (the method name, such as
 * {@code getEntity}), the entity name as the caller gave it, the team pipeline, and once it ends,
 * its outcome.
 */
public class PipelinerObservationContext extends Observation.Context {

	private final String operation;

	private final String entity;

	private final String teamPipeline;

	private String outcome = "unknown";

	public PipelinerObservationContext(String operation, String entity, String teamPipeline) {
		this.operation = operation;
		this.entity = entity;
		this.teamPipeline = teamPipeline;
	}

	/** @return the client method, such as {@code getEntity} or {@code streamEntities} */
	public String getOperation() {
		return this.operation;
	}

	/** @return the entity or collection name as given, or {@code none} for metadata calls */
	public String getEntity() {
		return this.entity;
	}

	/** @return the team pipeline the call went to */
	public String getTeamPipeline() {
		return this.teamPipeline;
	}

	/**
	 * @return {@code success}, {@code cancelled}, or the kind of failure: {@code authentication},
	 * {@code not_found}, {@code validation}, {@code rate_limited}, {@code server_error},
	 * {@code client_error}, {@code transport_error}, {@code decoding_error}, {@code bad_argument} or
	 * {@code error}
	 */
	public String getOutcome() {
		return this.outcome;
	}

	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
