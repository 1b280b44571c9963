package dev.pipeliner.client.internal.arguments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The configured credentials, to be taken out of whatever text a server sends before the client
 * shows it: a server or a proxy may echo them in an error body. Each credential is looked for as
 * it is, escaped as JSON would write it, URL-encoded, and as the value of the
 * {@code Authorization} header, and replaced by {@code REDACTED}. Credentials shorter than
 * {@link #MIN_LENGTH} characters are not looked for: they cannot be told from ordinary text, and
 * no Pipeliner credential is that short. Not part of the public API.
 */
public final class Secrets {

	/** What stands in the place of a credential. */
	public static final String REDACTED = "REDACTED";

	/** The shortest credential that is looked for. */
	static final int MIN_LENGTH = 4;

	private final List<String> forms;

	private Secrets(List<String> forms) {
		this.forms = forms;
	}

	/**
	 * @param user the Basic authentication user (an API token, an API application's username)
	 * @param password its password
	 * @return the forms in which the two may come back
	 */
	public static Secrets of(String user, String password) {
		Set<String> forms = new LinkedHashSet<>();
		String pair = user + ":" + password;
		forms.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
		for (String secret : new String[] { pair, user, password }) {
			if (secret.length() >= MIN_LENGTH) {
				forms.add(secret);
				forms.add(jsonEscaped(secret));
				forms.add(jsonEscaped(secret).replace("/", "\\/"));
				forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
				forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
			}
		}
		List<String> longestFirst = new ArrayList<>(forms);
		longestFirst.sort(Comparator.comparingInt(String::length).reversed());
		return new Secrets(List.copyOf(longestFirst));
	}

	/** @return the text with every form of the credentials replaced by {@link #REDACTED} */
	public String redact(String text) {
		String redacted = text;
		for (String form : this.forms) {
			redacted = redacted.replace(form, REDACTED);
		}
		return redacted;
	}

	/** The text as it stands between the quotes of a JSON string. */
	private static String jsonEscaped(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> escaped.append("\\\"");
				case '\\' -> escaped.append("\\\\");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				case '\t' -> escaped.append("\\t");
				default -> {
					if (c < 0x20) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

}
