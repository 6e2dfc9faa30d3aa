package io.sitrep.command.config;

import java.util.concurrent.Executors;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Commands run on a fixed number of workers, fewer than the database pool's connections. A command
 * holds a connection for its whole transaction (and while it waits for its aggregate's lock), so with
 * one thread per HTTP request a burst of requests would wait on the pool, and a wait on the pool
 * cannot be told apart from a database that is gone: that answered 503s from a healthy database.
 * Here a burst queues for a worker instead, and a connection is there for every worker; the pool's
 * other connections serve the relay, idempotency look-ups and health checks. A 503 thus still means
 * that the database cannot be reached.
 *
 * <p>Otherwise the bus is configured as Axon's auto-configuration would configure its own.
 */
@Configuration
class CommandBusConfig {

    @Bean
    @Qualifier("localSegment")
    CommandBus commandBus(TransactionManager transactions, org.axonframework.config.Configuration axon,
                          DuplicateCommandHandlerResolver duplicates,
                          @Value("${sitrep.command.workers}") int workers) {
        AsynchronousCommandBus bus = AsynchronousCommandBus.builder()
                .executor(Executors.newFixedThreadPool(workers, new AxonThreadFactory("command-worker")))
                .transactionManager(transactions)
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }
}
