package com.turnstileadmin.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documents the adapter sends are valid against the schema the sandbox serves, the
 * part of Cloudflare's GraphQL Analytics API this project knows: a field, argument or
 * variable type either side gets wrong fails here before it fails at Cloudflare.
 */
class AnalyticsDocumentsMatchSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = { "turnstileSettings", "turnstileTraffic" })
    void theDocumentIsValidAgainstTheSchema(String name) throws IOException {
        GraphQLSchema schema = UnExecutableSchemaGenerator
            .makeUnExecutableSchema(new SchemaParser().parse(resource("/sandbox/turnstile-analytics.graphqls")));
        Document document = Parser.parse(resource("/graphql-documents/" + name + ".graphql"));

        List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);

        assertThat(errors).isEmpty();
        assertThat(document.getDefinitions()).hasSize(1);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = AnalyticsDocumentsMatchSchemaTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
