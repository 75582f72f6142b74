package com.turnstileadmin.cloudflare;

import com.turnstileadmin.account.CloudflareAccount;
import java.util.Objects;
import org.springframework.graphql.GraphQlRequest;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.client.ClientGraphQlRequest;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.client.GraphQlTransport;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring's {@link GraphQlClient} over the adapter's own {@link CloudflareExchange}, in
 * place of its HTTP transport: so that a GraphQL query is authenticated, timed out,
 * retried, typed when it fails and recorded exactly as a widget call is. The client loads
 * the documents and decodes the answer; each request names its account and
 * {@link Operation} as attributes (see {@link #attributes}).
 */
final class CloudflareGraphQlTransport implements GraphQlTransport {

    private static final String PATH = "/graphql";

    private static final String ACCOUNT = CloudflareGraphQlTransport.class.getName() + ".account";

    private static final String OPERATION = CloudflareGraphQlTransport.class.getName() + ".operation";

    private final CloudflareExchange exchange;

    private final GraphQlResponseReader reader;

    CloudflareGraphQlTransport(CloudflareExchange exchange, GraphQlResponseReader reader) {
        this.exchange = exchange;
        this.reader = reader;
    }

    /** Names the request's account and operation, for the call and its log line. */
    static GraphQlClient.RequestSpec attributes(GraphQlClient.RequestSpec request, CloudflareAccount account,
            Operation operation) {
        return request.attribute(ACCOUNT, account).attribute(OPERATION, operation);
    }

    @Override
    public Mono<GraphQlResponse> execute(GraphQlRequest request) {
        var attributes = ((ClientGraphQlRequest) request).getAttributes();
        CloudflareAccount account = (CloudflareAccount) Objects.requireNonNull(attributes.get(ACCOUNT), "account");
        Operation operation = (Operation) Objects.requireNonNull(attributes.get(OPERATION), "operation");
        var call = new CloudflareExchange.Call(operation, account, null, HttpMethod.POST, uri -> uri.path(PATH).build(),
                request.toMap());
        return exchange.send(call, response -> reader.read(operation.description(), response), true);
    }

    @Override
    public Flux<GraphQlResponse> executeSubscription(GraphQlRequest request) {
        return Flux.error(new UnsupportedOperationException("Cloudflare's analytics have no subscriptions"));
    }

}
