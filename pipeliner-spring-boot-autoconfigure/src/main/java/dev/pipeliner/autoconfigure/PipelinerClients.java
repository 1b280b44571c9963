package dev.pipeliner.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.pipeliner.client.PipelinerClient;

/**
 * The clients of several Pipeliner accounts, by name: the default one ({@code pipeliner.*}) as
 * {@value #DEFAULT}, and one for each {@code pipeliner.clients.<name>}.
 * <pre>{@code
 * PipelinerClient emea = clients.get("emea");
 * }</pre>
 */
public final class PipelinerClients {

	/** The name of the client configured by {@code pipeliner.url} and its companions. */
	public static final String DEFAULT = "default";

	private final Map<String, PipelinerClient> clients;

	public PipelinerClients(Map<String, PipelinerClient> clients) {
		this.clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
	}

	/**
	 * @param name {@value #DEFAULT}, or a name under {@code pipeliner.clients}
	 * @return the client of that name
	 * @throws IllegalArgumentException naming the known clients, if there is none of that name
	 */
	public PipelinerClient get(String name) {
		PipelinerClient client = this.clients.get(name);
		if (client == null) {
			throw new IllegalArgumentException("name: there is no Pipeliner client named '" + name + "'; configured: "
					+ this.clients.keySet() + " (pipeliner.clients.<name>.*)");
		}
		return client;
	}

	/** @return the names of every client, the default first */
	public Set<String> names() {
		return this.clients.keySet();
	}

	@Override
	public String toString() {
		return "PipelinerClients" + this.clients;
	}

}
