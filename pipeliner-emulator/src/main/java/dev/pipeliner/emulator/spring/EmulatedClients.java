package dev.pipeliner.emulator.spring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pipeliner.autoconfigure.PipelinerAccount;
import dev.pipeliner.autoconfigure.PipelinerClients;
import dev.pipeliner.client.PipelinerProtocol;
import dev.pipeliner.emulator.PipelinerEmulator;
import dev.pipeliner.emulator.Protocol;
import dev.pipeliner.emulator.Seed;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which clients the emulators serve, with which protocol and in which space: the default client
 * and every named client of {@code pipeliner.clients}, as their properties say, unless a choice
 * (from {@link AutoConfigurePipelinerEmulator}) says otherwise. Starts one emulator per protocol,
 * with every space its clients use.
 */
final class EmulatedClients {

	private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_\\-]+");

	private final List<Served> clients;

	private EmulatedClients(List<Served> clients) {
		this.clients = clients;
	}

	/**
	 * @param environment where {@code pipeliner.*} is read from; the properties themselves are
	 * not changed
	 * @param protocol the default client's protocol, or {@code null} for the one
	 * {@code pipeliner.protocol} names
	 * @param space the default client's space, or empty for the one its properties name
	 * @param choices how to serve named clients, beside {@code pipeliner.clients}
	 * @throws IllegalArgumentException if a choice names the default client
	 */
	static EmulatedClients of(Environment environment, @Nullable Protocol protocol, String space, List<Choice> choices) {
		Binder binder = Binder.get(environment);
		PipelinerAccount account = binder.bind("pipeliner", PipelinerAccount.class).orElseGet(PipelinerAccount::new);
		Map<String, PipelinerAccount> named = binder
			.bind("pipeliner.clients", Bindable.mapOf(String.class, PipelinerAccount.class))
			.orElseGet(Map::of);
		Map<String, Choice> chosen = new LinkedHashMap<>();
		for (Choice choice : choices) {
			if (choice.name().equals(PipelinerClients.DEFAULT)) {
				throw new IllegalArgumentException("clients: '" + PipelinerClients.DEFAULT + "' is the default client's"
						+ " name; its protocol and space are the annotation's own protocol and space");
			}
			chosen.put(choice.name(), choice);
		}
		List<Served> clients = new ArrayList<>();
		clients.add(served(PipelinerClients.DEFAULT, account, protocol, space));
		Set<String> names = new LinkedHashSet<>(named.keySet());
		names.addAll(chosen.keySet());
		for (String name : names) {
			Choice choice = chosen.get(name);
			clients.add(served(name, named.getOrDefault(name, new PipelinerAccount()),
					(choice != null) ? choice.protocol() : null, (choice != null) ? choice.space() : ""));
		}
		return new EmulatedClients(clients);
	}

	/** @return every client as its properties say, as the development-time run serves them */
	static EmulatedClients of(Environment environment) {
		return of(environment, null, "", List.of());
	}

	/**
	 * @param seed the data every space starts with
	 * @return the running emulators, one per protocol, and which client each serves
	 */
	PipelinerEmulators start(Seed seed) {
		Map<Protocol, Set<String>> spaces = new LinkedHashMap<>();
		this.clients.forEach((client) -> spaces.computeIfAbsent(client.protocol(), (key) -> new LinkedHashSet<>())
			.add(client.space()));
		Map<Protocol, PipelinerEmulator> emulators = new LinkedHashMap<>();
		try {
			spaces.forEach((protocol, ids) -> {
				PipelinerEmulator.Builder builder = PipelinerEmulator.builder().protocol(protocol);
				ids.forEach((id) -> builder.teamPipeline(id, seed));
				emulators.put(protocol, builder.start());
			});
		}
		catch (RuntimeException ex) {
			emulators.values().forEach(PipelinerEmulator::close);
			throw ex;
		}
		Map<String, PipelinerEmulators.Served> served = new LinkedHashMap<>();
		this.clients.forEach((client) -> served.put(client.name(),
				new PipelinerEmulators.Served(Objects.requireNonNull(emulators.get(client.protocol())), client.space())));
		return new PipelinerEmulators(served, List.copyOf(emulators.values()));
	}

	private static Served served(String name, PipelinerAccount account, @Nullable Protocol protocol, String space) {
		Protocol speaks = (protocol != null) ? protocol
				: (account.getProtocol() == PipelinerProtocol.V100) ? Protocol.V100 : Protocol.V1;
		String configured = (speaks == Protocol.V100) ? account.getSpace() : account.getTeamPipeline();
		String id = !space.isEmpty() ? space
				: (configured != null && PLAIN_ID.matcher(configured).matches()) ? configured
						: PipelinerEmulator.DEFAULT_TEAM_PIPELINE;
		return new Served(name, speaks, id);
	}

	/**
	 * How to serve one named client, as {@link AutoConfigurePipelinerEmulator.Client} says;
	 * equal for equal settings, so that Spring's context cache can compare them.
	 *
	 * @param name the client's name
	 * @param protocol the API it speaks
	 * @param space its space or team pipeline, or empty for the one its properties name
	 */
	record Choice(String name, Protocol protocol, String space) {

		static Choice of(AutoConfigurePipelinerEmulator.Client client) {
			return new Choice(client.name(), client.protocol(), client.space());
		}

	}

	/** A client, the protocol its emulator speaks and the space it uses there. */
	private record Served(String name, Protocol protocol, String space) {
	}

}
