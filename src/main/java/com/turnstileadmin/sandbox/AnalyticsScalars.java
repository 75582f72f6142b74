package com.turnstileadmin.sandbox;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The analytics schema's scalars, with Cloudflare's lower-case names: {@code Time} (RFC
 * 3339, answered in UTC as {@code 2026-12-07T08:15:00Z}), {@code Date}
 * ({@code 2026-12-07}), {@code string}, {@code uint64} and {@code float64} (JSON
 * numbers).
 */
final class AnalyticsScalars {

    static final GraphQLScalarType TIME = textual("Time", Instant.class, AnalyticsScalars::parseTime,
            DateTimeFormatter.ISO_INSTANT::format);

    static final GraphQLScalarType DATE = textual("Date", LocalDate.class, AnalyticsScalars::parseDate,
            LocalDate::toString);

    static final GraphQLScalarType STRING = textual("string", String.class, Function.identity(), Function.identity());

    static final GraphQLScalarType UINT64 = GraphQLScalarType.newScalar()
        .name("uint64")
        .coercing(new Coercing<Long, Long>() {

            @Override
            public Long serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof Long || value instanceof Integer) {
                    return ((Number) value).longValue();
                }
                throw new CoercingSerializeException("Not a uint64: " + value);
            }

            @Override
            public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof Integer || input instanceof Long || input instanceof BigInteger) {
                    return unsigned(new BigInteger(input.toString()), CoercingParseValueException::new);
                }
                throw new CoercingParseValueException("Expected a whole number, not " + input);
            }

            @Override
            public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                    Locale locale) {
                if (input instanceof IntValue number) {
                    return unsigned(number.getValue(), CoercingParseLiteralException::new);
                }
                throw new CoercingParseLiteralException("Expected a whole number");
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return new IntValue(BigInteger.valueOf(((Number) input).longValue()));
            }
        })
        .build();

    static final GraphQLScalarType FLOAT64 = GraphQLScalarType.newScalar()
        .name("float64")
        .coercing(new Coercing<Double, Double>() {

            @Override
            public Double serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof Number number) {
                    return number.doubleValue();
                }
                throw new CoercingSerializeException("Not a float64: " + value);
            }

            @Override
            public Double parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof Number number) {
                    return number.doubleValue();
                }
                throw new CoercingParseValueException("Expected a number, not " + input);
            }

            @Override
            public Double parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                    Locale locale) {
                if (input instanceof FloatValue number) {
                    return number.getValue().doubleValue();
                }
                if (input instanceof IntValue number) {
                    return number.getValue().doubleValue();
                }
                throw new CoercingParseLiteralException("Expected a number");
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return FloatValue.of(((Number) input).doubleValue());
            }
        })
        .build();

    static final List<GraphQLScalarType> ALL = List.of(TIME, DATE, STRING, UINT64, FLOAT64);

    private AnalyticsScalars() {
    }

    /**
     * A scalar written as a JSON string, read with {@code parse}, written with
     * {@code print}.
     */
    private static <T> GraphQLScalarType textual(String name, Class<T> type, Function<String, T> parse,
            Function<T, String> print) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<T, String>() {

            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (type.isInstance(value)) {
                    return print.apply(type.cast(value));
                }
                throw new CoercingSerializeException("Not a " + name + ": " + value);
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String text) {
                    try {
                        return parse.apply(text);
                    }
                    catch (IllegalArgumentException e) {
                        throw new CoercingParseValueException(e.getMessage());
                    }
                }
                throw new CoercingParseValueException("Expected a " + name + " as a string, not " + input);
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue text) {
                    try {
                        return parse.apply(text.getValue());
                    }
                    catch (IllegalArgumentException e) {
                        throw new CoercingParseLiteralException(e.getMessage());
                    }
                }
                throw new CoercingParseLiteralException("Expected a " + name + " as a string");
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return StringValue.of(print.apply(type.cast(input)));
            }
        }).build();
    }

    private static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an RFC 3339 time", e);
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a date (yyyy-MM-dd)", e);
        }
    }

    private static <E extends RuntimeException> Long unsigned(BigInteger value, Function<String, E> error) {
        if (value.signum() < 0 || value.bitLength() > 63) {
            throw error.apply("Expected a whole number from 0 to " + Long.MAX_VALUE + ", not " + value);
        }
        return value.longValue();
    }

}
