package dev.pipeliner.client;

import java.util.function.Supplier;

/**
 * A setting of {@link PipelinerClientBuilder} or {@link RetryPolicy} was refused: missing,
 * malformed or out of range. {@link #getSetting()} names it as the builder does ({@code url},
 * {@code pageSize}, {@code maxAttempts}, …), so that a configuration layer can report it under its
 * own name for it without reading the message. The message never quotes a credential.
 */
public class InvalidSettingException extends IllegalArgumentException {

	private final String setting;

	/**
	 * @param setting the name of the setting, as the builder method or the record component that
	 * takes it
	 * @param message what is wrong, starting with the setting's name
	 */
	public InvalidSettingException(String setting, String message) {
		super(message);
		this.setting = setting;
	}

	/** @return the name of the refused setting, such as {@code url} or {@code pageSize} */
	public String getSetting() {
		return this.setting;
	}

	/**
	 * @return what {@code check} returns
	 * @throws InvalidSettingException naming {@code setting} when the check fails with an
	 * {@link IllegalArgumentException}
	 */
	static <T> T check(String setting, Supplier<T> check) {
		try {
			return check.get();
		}
		catch (InvalidSettingException ex) {
			throw ex;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSettingException(setting, String.valueOf(ex.getMessage()));
		}
	}

}
