package dev.pipeliner.autoconfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pipeliner.autoconfigure.PipelinerConfigurationException.Problem;
import dev.pipeliner.client.PipelinerProtocol;
import org.jspecify.annotations.Nullable;

/**
 * The connection of every client the auto-configuration builds, by name, the default first: the
 * one place that reads the {@link PipelinerConnectionDetails} of the default client and the
 * {@link PipelinerClientsConnectionDetails} of the named ones. Checks them all before any client
 * is built, and fails with one {@link PipelinerConfigurationException} that names every problem:
 * of each account written in properties, of each connection's protocol against its URL, of a
 * named client called {@value PipelinerClients#DEFAULT}, and of the proxy's placeholders.
 */
final class PipelinerConnections {

	private final Map<String, PipelinerConnectionDetails> connections;

	private final PipelinerClientsConnectionDetails named;

	/**
	 * @throws PipelinerConfigurationException naming every problem found
	 */
	PipelinerConnections(PipelinerConnectionDetails connection, PipelinerClientsConnectionDetails named,
			PipelinerProperties properties) {
		this.named = named;
		List<Problem> problems = new ArrayList<>();
		Map<String, PipelinerConnectionDetails> connections = new LinkedHashMap<>();
		connections.put(PipelinerClients.DEFAULT, connection);
		named.getClients().forEach((name, details) -> {
			if (name.equals(PipelinerClients.DEFAULT)) {
				problems.add(reservedName(details));
			}
			else {
				connections.put(name, details);
			}
		});
		this.connections = Collections.unmodifiableMap(connections);
		this.connections.forEach((name, details) -> problems.addAll(problemsOf(name, details)));
		problems.addAll(PipelinerAccountCheck.unresolved(proxySettings(properties.getProxy())));
		if (!problems.isEmpty()) {
			throw new PipelinerConfigurationException("The Pipeliner clients could not be configured ("
					+ problems.size() + ((problems.size() == 1) ? " problem" : " problems") + ")", problems);
		}
	}

	/** @return the names of the clients, {@value PipelinerClients#DEFAULT} first */
	Set<String> names() {
		return this.connections.keySet();
	}

	/** @return how the client of that name connects */
	PipelinerConnectionDetails get(String name) {
		PipelinerConnectionDetails connection = this.connections.get(name);
		if (connection == null) {
			throw new IllegalArgumentException("name: no Pipeliner client is named '" + name + "'");
		}
		return connection;
	}

	/**
	 * @return where the properties of the client of that name live, such as
	 * {@code pipeliner.clients.us}; {@code null} if its connection comes from a bean
	 */
	@Nullable String prefix(String name) {
		return (this.connections.get(name) instanceof PropertiesPipelinerConnectionDetails properties)
				? properties.getPrefix() : null;
	}

	/**
	 * @return where the client of that name connects, and where that is configured, for a
	 * report: such as {@code pipeliner.clients.us.*: v1 at https://us.pipelinersales.com, team
	 * pipeline us_Sales}; never the credentials
	 */
	String describe(String name) {
		PipelinerConnectionDetails connection = get(name);
		String prefix = prefix(name);
		String source = (prefix != null) ? prefix + ".*" : bean(name, connection);
		boolean v100 = connection.getProtocol() == PipelinerProtocol.V100;
		return source + ": " + PipelinerAccountCheck.name(connection.getProtocol()) + " at "
				+ PipelinerAccount.withoutUserInfo(connection.getUrl()) + ", "
				+ (v100 ? "space " + connection.getSpace() : "team pipeline " + connection.getTeamPipeline());
	}

	private List<Problem> problemsOf(String name, PipelinerConnectionDetails connection) {
		if (connection instanceof PropertiesPipelinerConnectionDetails properties) {
			return properties.getProblems();
		}
		Problem mismatch = PipelinerAccountCheck.protocolMismatch(connection.getUrl(), connection.getProtocol(),
				"the URL of " + bean(name, connection), "its protocol", List.of());
		return (mismatch != null) ? List.of(mismatch) : List.of();
	}

	/** @return how to name a connection that comes from a bean, for a report */
	private String bean(String name, PipelinerConnectionDetails connection) {
		return name.equals(PipelinerClients.DEFAULT) ? "the PipelinerConnectionDetails bean " + connection
				: "the connection of '" + name + "' from the PipelinerClientsConnectionDetails bean ("
						+ this.named.getClass().getName() + ")";
	}

	private Problem reservedName(PipelinerConnectionDetails connection) {
		if (connection instanceof PropertiesPipelinerConnectionDetails) {
			return new Problem(List.of("pipeliner.clients.default"),
					"pipeliner.clients.default is set, but 'default' is the name of the client of pipeliner.url in"
							+ " PipelinerClients",
					"Give the account under pipeliner.clients.default another name.");
		}
		return new Problem(List.of(),
				"The PipelinerClientsConnectionDetails bean (" + this.named.getClass().getName()
						+ ") names a client 'default', but that is"
						+ " the name of the default client, which a PipelinerConnectionDetails bean connects",
				"Give that client another name.");
	}

	private static Map<String, @Nullable String> proxySettings(PipelinerProperties.Proxy proxy) {
		Map<String, @Nullable String> settings = new LinkedHashMap<>();
		settings.put("pipeliner.proxy.host", proxy.getHost());
		settings.put("pipeliner.proxy.username", proxy.getUsername());
		settings.put("pipeliner.proxy.password", proxy.getPassword());
		settings.put("pipeliner.proxy.non-proxy-hosts", proxy.getNonProxyHosts());
		return settings;
	}

}
