package dev.pipeliner.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.pipeliner.autoconfigure.PipelinerConfigurationException.Problem;
import dev.pipeliner.client.PipelinerProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Checks the settings of an account written in properties before a client is built from them,
 * and returns every problem found, not only the first: each required setting is set, none is a
 * placeholder left unresolved, and the protocol is the one the URL's data center serves. Quotes
 * no secret.
 */
final class PipelinerAccountCheck {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)[^}]*}");

	private PipelinerAccountCheck() {
	}

	/**
	 * @param prefix where the account lives, such as {@code pipeliner} or
	 * {@code pipeliner.clients.us}
	 * @return what is wrong with it: the missing properties (together), each property that holds
	 * a placeholder, and a protocol that does not match the URL; empty if nothing is
	 */
	static List<Problem> check(String prefix, PipelinerAccount account) {
		boolean v100 = account.getProtocol() == PipelinerProtocol.V100;
		Map<String, @Nullable String> settings = new LinkedHashMap<>();
		settings.put(prefix + ".url", account.getUrl());
		settings.put(prefix + (v100 ? ".space" : ".team-pipeline"), v100 ? account.getSpace() : account.getTeamPipeline());
		settings.put(prefix + ".api-token", account.getApiToken());
		settings.put(prefix + ".api-password", account.getApiPassword());
		List<String> missing = new ArrayList<>();
		settings.forEach((property, value) -> {
			if (!StringUtils.hasText(value)) {
				missing.add(property);
			}
		});
		List<Problem> problems = new ArrayList<>();
		if (!missing.isEmpty()) {
			problems.add(missing(prefix, account, missing));
		}
		problems.addAll(unresolved(settings));
		String url = account.getUrl();
		if (StringUtils.hasText(url)) {
			Problem mismatch = protocolMismatch(url, account.getProtocol(), prefix + ".url", prefix + ".protocol",
					List.of(prefix + ".url", prefix + ".protocol"));
			if (mismatch != null) {
				problems.add(mismatch);
			}
		}
		return problems;
	}

	/**
	 * @param settings property names to their values; {@code null} values are skipped
	 * @return a problem for each property that holds a placeholder. A secret (a token or
	 * password) counts only when the whole value is one, so that a password that happens to
	 * contain {@code ${…}} is neither refused nor quoted.
	 */
	static List<Problem> unresolved(Map<String, @Nullable String> settings) {
		List<Problem> problems = new ArrayList<>();
		settings.forEach((property, value) -> {
			if (value == null) {
				return;
			}
			Matcher placeholder = PLACEHOLDER.matcher(value);
			boolean secret = property.endsWith("token") || property.endsWith("password");
			if (secret ? placeholder.matches() : placeholder.find()) {
				String variable = placeholder.group(1);
				problems.add(new Problem(List.of(property),
						property + " is ${" + variable + "}, and nothing defines " + variable,
						"Set the environment variable (or system property) " + variable
								+ " before starting the application, or give " + property + " a value of its own."));
			}
		});
		return problems;
	}

	/**
	 * @param url the service URL, as configured
	 * @param protocol the protocol the client is to speak
	 * @param urlName how to name the URL, such as {@code pipeliner.url}
	 * @param protocolName how to name the protocol, such as {@code pipeliner.protocol}
	 * @param properties the properties concerned, if the connection comes from properties
	 * @return the problem if the URL is one of the vendor's data centers of the other protocol;
	 * {@code null} if it serves this protocol, or is a host the lists do not know (a proxy, an
	 * emulator)
	 */
	static @Nullable Problem protocolMismatch(String url, PipelinerProtocol protocol, String urlName,
			String protocolName, List<String> properties) {
		PipelinerProtocol served = PipelinerProtocol.servedAt(url).orElse(protocol);
		if (served == protocol) {
			return null;
		}
		String description = urlName + " is " + PipelinerAccount.withoutUserInfo(url) + ", a data center of "
				+ apiName(served) + ", but " + protocolName + " is " + name(protocol)
				+ ((protocol == PipelinerProtocol.V1) ? ", the default when unset" : "")
				+ ": the first call would get a 404";
		String dataCenters = String.join(", ", protocol.getDataCenters());
		String action = (served == PipelinerProtocol.V1)
				? "Set " + urlName + " to the service URL that came with the API application, one of " + dataCenters
						+ ", or set " + protocolName + "=v1 if the account speaks the REST API v1."
				: "Set " + protocolName + "=v100, and the space in place of the team pipeline, if the account"
						+ " speaks the Cloud API v100; or set " + urlName + " to a data center of the REST API v1, "
						+ dataCenters + ".";
		return new Problem(properties, description, action);
	}

	private static Problem missing(String prefix, PipelinerAccount account, List<String> missing) {
		String configured = prefix.equals("pipeliner") ? "pipeliner.url" : prefix;
		String variables = missing.stream()
			.map(PipelinerAccountCheck::environmentVariable)
			.collect(Collectors.joining(", "));
		StringBuilder description = new StringBuilder(configured).append(" is set, but ")
			.append(String.join(", ", missing))
			.append((missing.size() == 1) ? " is not" : " are not");
		StringBuilder action = new StringBuilder("Set ").append(String.join(", ", missing))
			.append(" (for example in application.yml, or as the environment ")
			.append((missing.size() == 1) ? "variable " : "variables ")
			.append(variables)
			.append("), or remove ")
			.append(configured)
			.append(" if this application should not have that Pipeliner client");
		if (missing.contains(prefix + ".space") && StringUtils.hasText(account.getTeamPipeline())) {
			description.append("; ").append(prefix).append(".team-pipeline is set, but team-pipeline is v1's name for the")
				.append(" space: a v100 client reads ").append(prefix).append(".space");
			action.append("; to keep the value you gave, rename ").append(prefix).append(".team-pipeline to ")
				.append(prefix).append(".space");
		}
		if (missing.contains(prefix + ".team-pipeline") && StringUtils.hasText(account.getSpace())) {
			description.append("; ").append(prefix).append(".space is set, but space is v100's name for the team")
				.append(" pipeline: a v1 client reads ").append(prefix).append(".team-pipeline");
			action.append("; if the account speaks the Cloud API v100, set ").append(prefix)
				.append(".protocol=v100 instead");
		}
		return new Problem(missing, description.toString(), action.append('.').toString());
	}

	/** {@code pipeliner.clients.us.api-token} is {@code PIPELINER_CLIENTS_US_API_TOKEN}. */
	static String environmentVariable(String property) {
		return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
	}

	/** @return the protocol as written in properties: {@code v1} or {@code v100} */
	static String name(PipelinerProtocol protocol) {
		return protocol.name().toLowerCase(Locale.ROOT);
	}

	private static String apiName(PipelinerProtocol protocol) {
		return (protocol == PipelinerProtocol.V1) ? "the REST API v1" : "the Cloud API v100";
	}

}
