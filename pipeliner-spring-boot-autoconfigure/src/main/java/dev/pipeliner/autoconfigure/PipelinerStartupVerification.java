package dev.pipeliner.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.pipeliner.autoconfigure.PipelinerConfigurationException.Problem;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.client.error.PipelinerAuthenticationException;
import dev.pipeliner.client.error.PipelinerNotFoundException;
import dev.pipeliner.client.error.PipelinerTransportException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * With {@code pipeliner.verify-on-startup}, makes one cheap authenticated call
 * ({@link PipelinerProbe}) with every client of {@link PipelinerClients}, all at once, once the
 * application's beans exist and before it starts serving or scheduling work. A client whose call
 * fails fails the startup: one {@link PipelinerConfigurationException} names each such client,
 * where its connection is configured, what the server said, and what to check. Each call is
 * bounded by {@code pipeliner.call-timeout}.
 */
final class PipelinerStartupVerification implements SmartInitializingSingleton {

	private final PipelinerProperties properties;

	private final ObjectProvider<PipelinerClients> clients;

	private final ObjectProvider<PipelinerConnections> connections;

	PipelinerStartupVerification(PipelinerProperties properties, ObjectProvider<PipelinerClients> clients,
			ObjectProvider<PipelinerConnections> connections) {
		this.properties = properties;
		this.clients = clients;
		this.connections = connections;
	}

	@Override
	public void afterSingletonsInstantiated() {
		PipelinerClients clients = this.clients.getIfAvailable();
		if (!this.properties.isVerifyOnStartup() || clients == null) {
			return;
		}
		PipelinerConnections connections = this.connections.getIfAvailable();
		List<Failure> failures = Flux.fromIterable(clients.names())
			.flatMapSequential((name) -> PipelinerProbe.call(clients.get(name))
				.then(Mono.<Failure>empty())
				.onErrorResume((ex) -> Mono.just(new Failure(name, ex))))
			.collectList()
			.block();
		if (failures == null || failures.isEmpty()) {
			return;
		}
		List<Problem> problems = new ArrayList<>();
		for (Failure failure : failures) {
			problems.add(problem(failure.name(), failure.cause(), connections));
		}
		PipelinerConfigurationException report = new PipelinerConfigurationException(
				"The Pipeliner clients were checked at startup, as pipeliner.verify-on-startup asks, and "
						+ failures.size() + " of " + clients.names().size() + " failed"
						+ " (pipeliner.verify-on-startup=false starts without the check)",
				problems);
		failures.forEach((failure) -> report.addSuppressed(failure.cause()));
		throw report;
	}

	private static Problem problem(String name, Throwable cause, @Nullable PipelinerConnections connections) {
		String prefix = null;
		String where = "the application's client";
		boolean v100 = false;
		if (connections != null && connections.names().contains(name)) {
			prefix = connections.prefix(name);
			where = connections.describe(name);
			v100 = connections.get(name).getProtocol() == PipelinerProtocol.V100;
		}
		String description = name + " (" + where + "): " + Objects.requireNonNullElse(cause.getMessage(),
				cause.getClass().getSimpleName());
		List<String> properties = new ArrayList<>();
		String action;
		if (cause instanceof PipelinerAuthenticationException) {
			action = (prefix != null) ? "Check " + add(properties, prefix, "api-token") + " and "
					+ add(properties, prefix, "api-password")
					+ (v100 ? ": on v100 they are the API application's username and password."
							: ": on v1 they are the API token and password of the customer portal's API Access page.")
					: "Check the credentials of " + where + ".";
		}
		else if (cause instanceof PipelinerNotFoundException) {
			action = (prefix != null) ? "Check that " + add(properties, prefix, "url") + " serves "
					+ (v100 ? "the Cloud API v100" : "the REST API v1") + " (" + add(properties, prefix, "protocol")
					+ "), and that " + add(properties, prefix, v100 ? "space" : "team-pipeline") + " names "
					+ (v100 ? "the space of the API application." : "a team pipeline of the account.")
					: "Check the URL, protocol and " + (v100 ? "space" : "team pipeline") + " of " + where + ".";
		}
		else if (cause instanceof PipelinerTransportException) {
			action = "Check that " + ((prefix != null) ? add(properties, prefix, "url") : "the URL of " + where)
					+ " is reachable from this machine; a proxy goes in pipeliner.proxy.*.";
		}
		else {
			action = "The server's answer above says what went wrong with " + where + ".";
		}
		return new Problem(properties, description, action);
	}

	private static String add(List<String> properties, String prefix, String name) {
		String property = prefix + "." + name;
		properties.add(property);
		return property;
	}

	/** The call of one client that failed, and how. */
	private record Failure(String name, Throwable cause) {
	}

}
