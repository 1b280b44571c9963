package dev.pipeliner.emulator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pipeliner.emulator.internal.http.HttpTransport;
import dev.pipeliner.emulator.internal.store.DemoData;
import dev.pipeliner.emulator.internal.store.Schema;
import dev.pipeliner.emulator.internal.store.Seeds;
import dev.pipeliner.emulator.internal.store.TeamPipelineData;
import dev.pipeliner.emulator.internal.v1.V1Api;
import dev.pipeliner.emulator.internal.v100.V100Api;
import dev.pipeliner.emulator.internal.v100.V100DemoData;
import dev.pipeliner.emulator.internal.v100.V100Writes;
import org.jspecify.annotations.Nullable;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stateful, in-memory Pipeliner server, for tests, samples and local development. It speaks the
 * REST API v1 or, with {@link Builder#protocol(Protocol) protocol(Protocol.V100)}, the Cloud API
 * v100, as the real service does (Basic auth, the collection and batch endpoints, paging, filters,
 * batch options, validation and error bodies), keeps what is written, and runs several team
 * pipelines (v100: spaces) at once, each with its own data.
 * <pre>{@code
 * try (PipelinerEmulator emulator = PipelinerEmulator.builder().teamPipeline("eu_Demo", Seed.DEMO).start()) {
 *     PipelinerClient client = PipelinerClient.builder()
 *         .url(emulator.getUrl())
 *         .teamPipeline("eu_Demo")
 *         .credentials(emulator.getApiToken(), emulator.getApiPassword())
 *         .build();
 * }
 * }</pre>
 * Thread-safe: requests are served concurrently; reads share a team pipeline and writes, batches
 * included, are applied one at a time and atomically.
 */
public final class PipelinerEmulator implements AutoCloseable {

	/** The team pipeline an emulator has when none is named. */
	public static final String DEFAULT_TEAM_PIPELINE = "eu_Emulator";

	/** The API token an emulator accepts unless told otherwise. */
	public static final String DEFAULT_API_TOKEN = "emulator-token";

	/** The API password an emulator accepts unless told otherwise. */
	public static final String DEFAULT_API_PASSWORD = "emulator-password";

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final Clock clock = Clock.systemUTC();

	private final Builder settings;

	private final Map<String, TeamPipelineData> pipelines = new LinkedHashMap<>();

	/** The v100 writes, which seeds go through too; {@code null} on v1. */
	private final @Nullable V100Writes v100;

	private final DisposableServer server;

	private final String url;

	private PipelinerEmulator(Builder settings) {
		this.settings = settings;
		this.v100 = (settings.protocol == Protocol.V100) ? new V100Writes(this.clock) : null;
		Schema schema = (this.v100 != null) ? V100Api.schema() : Schema.standard();
		settings.seeds.keySet().forEach((id) -> this.pipelines.put(id, new TeamPipelineData(id, schema)));
		reset();
		HttpTransport transport = new HttpTransport(this.mapper, settings.maxBodySize);
		this.server = HttpServer.create().host(settings.host).port(settings.port).handle(transport).bindNow();
		this.url = "http://" + (settings.host.contains(":") ? "[" + settings.host + "]" : settings.host) + ":"
				+ this.server.port();
		Map<String, TeamPipelineData> pipelines = Collections.unmodifiableMap(this.pipelines);
		transport.serve((this.v100 != null)
				? new V100Api(this.mapper, pipelines, settings.apiToken, settings.apiPassword, this.url, this.v100)
				: new V1Api(this.mapper, pipelines, settings.apiToken, settings.apiPassword, this.url, this.clock));
	}

	/** @return a builder, for an emulator on a random loopback port with {@link #DEFAULT_TEAM_PIPELINE} empty */
	public static Builder builder() {
		return new Builder();
	}

	/** @return an emulator on a random loopback port with {@link #DEFAULT_TEAM_PIPELINE} seeded as given */
	public static PipelinerEmulator start(Seed seed) {
		return builder().teamPipeline(DEFAULT_TEAM_PIPELINE, seed).start();
	}

	/** @return the service URL to give a client, such as {@code http://127.0.0.1:40123} */
	public String getUrl() {
		return this.url;
	}

	/** @return the port the emulator listens on */
	public int getPort() {
		return this.server.port();
	}

	/** @return the protocol the emulator speaks */
	public Protocol getProtocol() {
		return this.settings.protocol;
	}

	/** @return the first team pipeline, the one a client uses by default */
	public String getTeamPipeline() {
		return this.pipelines.keySet().iterator().next();
	}

	/** @return the first space, on v100: the same as {@link #getTeamPipeline()} */
	public String getSpace() {
		return getTeamPipeline();
	}

	/** @return every team pipeline, in the order they were named */
	public Set<String> getTeamPipelines() {
		return Collections.unmodifiableSet(this.pipelines.keySet());
	}

	/**
	 * @return the base URL of a team pipeline, {@code {url}/rest_services/v1/{teamPipeline}}; on
	 * v100 of a space, {@code {url}/api/v100/rest/spaces/{space}}
	 */
	public URI getBaseUrl(String teamPipeline) {
		String prefix = (this.settings.protocol == Protocol.V100) ? V100Api.PREFIX : V1Api.PREFIX;
		return URI.create(this.url + prefix + pipeline(teamPipeline).id());
	}

	/** @return the API token the emulator accepts */
	public String getApiToken() {
		return this.settings.apiToken;
	}

	/** @return the API password the emulator accepts */
	public String getApiPassword() {
		return this.settings.apiPassword;
	}

	/** @return the username of the API application, on v100: the same as {@link #getApiToken()} */
	public String getUsername() {
		return this.settings.apiToken;
	}

	/** @return the password of the API application, on v100: the same as {@link #getApiPassword()} */
	public String getPassword() {
		return this.settings.apiPassword;
	}

	/**
	 * Adds entities to a team pipeline, checked like creates; an entity keeps an id it brings
	 * ({@code ID} on v1, {@code id} on v100, with field names in the protocol's form), and its
	 * creation and modification times. On v100 the check is the contract's, read-only fields
	 * allowed. For large data sets built in code.
	 * @param teamPipeline the team pipeline
	 * @param collection a collection or entity name, such as {@code Contacts}
	 * @param entities field names to values, one map per entity
	 * @throws IllegalArgumentException naming the first entity that is not valid
	 */
	public void insert(String teamPipeline, String collection, List<? extends Map<String, ?>> entities) {
		Map<String, Object> seed = Map.of(collection, entities);
		load(pipeline(teamPipeline), this.mapper.valueToTree(seed));
	}

	/** Puts every team pipeline back to the data it started with. */
	public void reset() {
		this.settings.seeds.forEach((id, seed) -> {
			TeamPipelineData pipeline = pipeline(id);
			pipeline.lock().writeLock().lock();
			try {
				pipeline.clear();
			}
			finally {
				pipeline.lock().writeLock().unlock();
			}
			JsonNode data = seedData(seed);
			if (data != null) {
				load(pipeline, data);
			}
		});
	}

	private void load(TeamPipelineData pipeline, JsonNode data) {
		if (this.v100 != null) {
			this.v100.load(pipeline, data);
		}
		else {
			Seeds.load(pipeline, data, this.clock);
		}
	}

	/** Stops serving; the port is released when this returns. */
	@Override
	public void close() {
		this.server.disposeNow();
	}

	/** @return the URL and team pipelines; never the password */
	@Override
	public String toString() {
		return "PipelinerEmulator[protocol=" + this.settings.protocol + ", url=" + this.url + ", teamPipelines="
				+ this.pipelines.keySet() + "]";
	}

	private TeamPipelineData pipeline(String teamPipeline) {
		TeamPipelineData pipeline = this.pipelines.get(teamPipeline);
		if (pipeline == null) {
			throw new IllegalArgumentException("teamPipeline '" + teamPipeline + "' is not one of " + this.pipelines.keySet());
		}
		return pipeline;
	}

	/** @return the entities a seed stands for, or {@code null} for none */
	private @Nullable JsonNode seedData(Object seed) {
		if (seed == Seed.DEMO) {
			return (this.settings.protocol == Protocol.V100) ? V100DemoData.json(this.mapper) : DemoData.json(this.mapper);
		}
		if (seed instanceof Path file) {
			try {
				return this.mapper.readTree(Files.readAllBytes(file));
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("seed file " + file + " cannot be read: " + ex.getMessage(), ex);
			}
		}
		return null;
	}

	/**
	 * Settings of an emulator. Without {@link #teamPipeline}, it has {@link #DEFAULT_TEAM_PIPELINE}
	 * with no data.
	 */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int port;

		private String apiToken = DEFAULT_API_TOKEN;

		private String apiPassword = DEFAULT_API_PASSWORD;

		private long maxBodySize = 16 * 1024 * 1024;

		private Protocol protocol = Protocol.V1;

		private final Map<String, Object> seeds = new LinkedHashMap<>();

		private Builder() {
		}

		/** @param host the address to listen on; loopback by default */
		public Builder host(String host) {
			this.host = requireText(host, "host");
			return this;
		}

		/** @param port the port to listen on; 0 (the default) picks a free one */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be between 0 and 65535, but was " + port);
			}
			this.port = port;
			return this;
		}

		/** @param apiToken the API token to accept
		 * @param apiPassword the API password to accept */
		public Builder credentials(String apiToken, String apiPassword) {
			this.apiToken = requireText(apiToken, "apiToken");
			this.apiPassword = requireText(apiPassword, "apiPassword");
			return this;
		}

		/**
		 * @param protocol the API to speak: {@link Protocol#V1} (the default) or
		 * {@link Protocol#V100}; with v100, team pipelines are spaces and seeds are in v100 form
		 */
		public Builder protocol(Protocol protocol) {
			this.protocol = requireNonNull(protocol, "protocol");
			return this;
		}

		/** @param space a v100 space to serve, such as {@code eu_Demo}: the same as {@link #teamPipeline(String, Seed)}
		 * @param seed the data it starts with */
		public Builder space(String space, Seed seed) {
			return teamPipeline(space, seed);
		}

		/** @param teamPipeline a team pipeline to serve, such as {@code eu_Demo}
		 * @param seed the data it starts with */
		public Builder teamPipeline(String teamPipeline, Seed seed) {
			return addTeamPipeline(teamPipeline, requireNonNull(seed, "seed"));
		}

		/**
		 * @param teamPipeline a team pipeline to serve
		 * @param seedFile a JSON file of collection names to arrays of entities, such as
		 * {@code {"Accounts": [{"ORGANIZATION": "Acme", "OWNER_ID": 1, "SALES_UNIT_ID": 1}]}}
		 */
		public Builder teamPipeline(String teamPipeline, Path seedFile) {
			return addTeamPipeline(teamPipeline, requireNonNull(seedFile, "seedFile"));
		}

		/** @param maxBodySize the largest request body accepted, in bytes; larger ones answer 413 */
		public Builder maxBodySize(long maxBodySize) {
			if (maxBodySize < 1) {
				throw new IllegalArgumentException("maxBodySize must be positive, but was " + maxBodySize);
			}
			this.maxBodySize = maxBodySize;
			return this;
		}

		/**
		 * @return the started emulator
		 * @throws IllegalArgumentException if a seed is not valid
		 */
		public PipelinerEmulator start() {
			if (this.seeds.isEmpty()) {
				this.seeds.put(DEFAULT_TEAM_PIPELINE, Seed.EMPTY);
			}
			return new PipelinerEmulator(this);
		}

		private Builder addTeamPipeline(String teamPipeline, Object seed) {
			requireText(teamPipeline, "teamPipeline");
			if (!teamPipeline.matches("[A-Za-z0-9_\\-]+")) {
				throw new IllegalArgumentException("teamPipeline must be an id such as 'eu_Demo', but was '" + teamPipeline + "'");
			}
			this.seeds.put(teamPipeline, seed);
			return this;
		}

		private static String requireText(String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " must not be null or blank");
			}
			return value;
		}

		private static <T> T requireNonNull(T value, String name) {
			if (value == null) {
				throw new IllegalArgumentException(name + " must not be null");
			}
			return value;
		}

	}

}
