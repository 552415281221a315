package io.skillsync;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

import io.skillsync.config.Unit;
import io.skillsync.config.Units;

/**
 * Every step of a unit's route runs as that unit's work (the {@code unit} its route was made with, see
 * {@link UnitRoutes}): the beans it calls read the unit's settings and keep the unit's state, on whatever
 * thread Camel runs the step (a split, a throttle, an aggregator's own thread). With one unit, steps are
 * left as they are.
 */
final class UnitSteps implements InterceptStrategy {

    private final Units units;

    UnitSteps(Units units) {
        this.units = units;
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
            Processor nextTarget) {
        RouteDefinition route = ProcessorDefinitionHelper.getRoute(definition);
        Object name = route == null || route.getTemplateParameters() == null ? null : route.getTemplateParameters().get(UnitRoutes.UNIT);
        if (!units.several() || name == null) {
            return target;
        }
        Unit unit = units.named(name.toString());
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                Unit before = Units.enter(unit);
                try {
                    return super.process(exchange, callback);
                } finally {
                    Units.restore(before);
                }
            }
        };
    }
}
