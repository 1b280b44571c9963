package dev.pipeliner.client;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The description of one field of an entity, as {@code getFields} answers it.
 *
 * @param apiName the key of the field in entity JSON ({@code API_NAME})
 * @param name the label shown in Pipeliner ({@code NAME})
 * @param id the field's id ({@code ID})
 * @param type the storage type: {@code string}, {@code unicode}, {@code datetime}, {@code long},
 * {@code Decimal} or {@code list} ({@code TYPE})
 * @param plType the Pipeliner type ({@code PL_TYPE})
 * @param required whether a create must set it ({@code REQUIRED})
 * @param readOnly whether it cannot be written ({@code READONLY})
 * @param custom whether it is a custom field ({@code CUSTOM})
 * @param defaultValue the default value, or {@code null} ({@code DEFAULT})
 * @param description the description, or {@code null} ({@code DESCRIPTION})
 * @param calcFormula the formula of a calculated field, or {@code null} ({@code CALC_FORMULA})
 * @param choices data id to label for dropdowns and radio buttons, empty otherwise
 * ({@code CHOICES})
 * @param minValue the smallest number allowed, or {@code null} ({@code MIN_VALUE})
 * @param maxValue the largest number, or the longest text, allowed, or {@code null}
 * ({@code MAX_VALUE})
 */
public record FieldInfo(@Nullable String apiName, @Nullable String name, @Nullable String id, @Nullable String type,
		@Nullable String plType, boolean required, boolean readOnly, boolean custom, @Nullable String defaultValue,
		@Nullable String description, @Nullable String calcFormula, Map<String, String> choices,
		@Nullable BigDecimal minValue, @Nullable BigDecimal maxValue) {

	public FieldInfo {
		choices = (choices != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(choices)) : Map.of();
	}

}
