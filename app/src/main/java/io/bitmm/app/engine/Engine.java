package io.bitmm.app.engine;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.bitmm.app.journal.JournalAgent;
import io.bitmm.app.journal.JournalLagGuard;
import io.bitmm.app.journal.RunJournal;
import io.bitmm.app.stat.InstrumentGauges;
import io.bitmm.app.stat.RunCounters;
import io.bitmm.app.stat.StatusAgent;
import io.bitmm.core.engine.CoreContext;
import io.bitmm.core.engine.CoreCounters;
import io.bitmm.core.engine.TradingCore;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.MarketDataGateway;
import io.bitmm.gateway.OrderGateway;
import io.bitmm.gateway.PrivateStreamGateway;
import io.bitmm.gateway.SharedDutyCycle;
import io.bitmm.gateway.order.CommandSource;
import io.bitmm.gateway.order.OrderStageListener;
import io.bitmm.tuning.latency.LatencyRecorders;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The assembled engine (../shared/DESIGN.md "Data flow and threads"):
 * <pre>
 *   md I/O, private I/O, order I/O, timer --&gt; inbound ring (multi-producer) --&gt; core thread
 *   core thread --&gt; outbound ring (single producer) --&gt; order thread: sign, encode, write
 * </pre>
 * With {@code engine.threading = shared} one {@link SharedDutyCycle} thread runs the market-data socket, the core
 * (polling the inbound ring) and the order I/O agent (polling the outbound ring, and its sockets); the rings are the
 * same. With a journal, a {@link JournalAgent} on its own thread consumes the inbound ring behind the core and the
 * outbound ring beside the order thread. Start-up opens and pre-warms the order
 * connections before any market data flows, so the first quote goes out on a warm connection. Shutdown stops
 * quoting through the ring (so a replay sees it), waits (bounded) until the venue confirmed every cancel, then
 * stops the producers and drains the rings. In paper mode a local {@link OrderRoute} replaces the order and
 * private-stream gateways: nothing is sent, and the venue is only a source of market data.
 */
public final class Engine implements AutoCloseable
{
    /** The one hot thread's name with {@code engine.threading = shared}. */
    public static final String SHARED_THREAD = "mm-shared";
    private static final int CORE_BATCH = 256;

    private final EngineContext context;
    private final InstrumentTable instruments;
    private final Disruptor<InboundEvent> inbound;
    private final Disruptor<OutboundCommand> outbound;
    private final TradingCore core;
    private final MarketDataGateway marketData;
    /** Null when a local route (paper mode) reports order states and fills itself. */
    private final PrivateStreamGateway privateStream;
    private volatile int stopSweepFills = -1;
    private final OrderRoute orders;
    private final InboundPublisher publisher;
    private final AgentRunner timer;
    private final RingCommandSink commandSink;
    /** The order I/O thread's cursor on the outbound ring (venue route), or null (paper route: a ring thread). */
    private final EventPoller<OutboundCommand> orderPoller;
    private final AtomicLong handlerErrors = new AtomicLong();
    private final EventHandler<InboundEvent> coreHandler;
    /** engine.threading = shared: the one hot thread, and the core's cursor on the inbound ring; else null. */
    private final SharedDutyCycle dutyCycle;
    private final EventPoller<InboundEvent> corePoller;
    private final java.util.function.IntSupplier coreDuty = this::pollCore;
    private final CoreEvents coreEvents = new CoreEvents();
    private final JournalAgent journalAgent;
    private final AgentRunner journalRunner;
    private volatile boolean started;
    private LatencyRecorders latency = new LatencyRecorders(0);
    private RunCounters runCounters;
    private InstrumentGauges gauges;
    private AgentRunner statusRunner;
    /** Start positions taken from the venue (perpetuals), published as the ring's first events: id, size, entry. */
    private final java.util.List<long[]> startPositions = new java.util.ArrayList<>();

    /**
     * @param context     threads and rings.
     * @param coreContext trading settings.
     * @param gateway     venue endpoints and credentials.
     * @param instruments what is traded.
     */
    public Engine(
        final EngineContext context,
        final CoreContext coreContext,
        final GatewayContext gateway,
        final InstrumentTable instruments)
    {
        this(context, coreContext, gateway, instruments, null, null);
    }

    /**
     * @param context     threads and rings.
     * @param coreContext trading settings.
     * @param gateway     venue endpoints (and credentials, unless a local route is given).
     * @param instruments what is traded.
     * @param localRoute  null to trade at the venue; else builds, from the inbound ring, the route that answers the
     *                    orders locally (paper mode): then no order connection and no private stream are opened.
     * @param journal     the run's journal (header already written), or null for none.
     */
    public Engine(
        final EngineContext context,
        final CoreContext coreContext,
        final GatewayContext gateway,
        final InstrumentTable instruments,
        final Function<InboundPublisher, OrderRoute> localRoute,
        final RunJournal journal)
    {
        this.context = context.conclude();
        this.instruments = instruments;
        if (localRoute == null &&
            (gateway.dialect().accountMode() == io.bitmm.gateway.bitget.AccountMode.UTA) != coreContext.amendInPlace())
        {
            throw new IllegalStateException("the core's amendInPlace (" + coreContext.amendInPlace() + ") does not fit " +
                "the gateway's dialect " + gateway.dialect().name() + ": UTA requotes are in-place modifies " +
                "(set venue.account-mode before building the core)");
        }
        this.dutyCycle = context.shared() ? new SharedDutyCycle(new PinnedThreadFactory(SHARED_THREAD,
            context.sharedCpu()), "busy-spin".equals(context.sharedWaitStrategy())) : null;
        // shared: nobody waits on the inbound ring (the core polls it); the publisher wakes the duty cycle instead
        this.inbound = new Disruptor<>(InboundEvent::new, context.inboundRingSize(),
            new PinnedThreadFactory("mm-core", context.coreCpu()), ProducerType.MULTI,
            dutyCycle != null ? new com.lmax.disruptor.BusySpinWaitStrategy() :
            WaitStrategies.of(context.coreWaitStrategy()));
        // live: the order I/O thread polls this ring from its own loop and the wait strategy only signals it; paper:
        // the local route's ring thread waits with it, and Disruptor's sleeping wait wakes it every ~60 us for ever
        // (a fifth of a core doing nothing), so there `sleeping` parks it until the core publishes
        this.outbound = new Disruptor<>(OutboundCommand::new, context.outboundRingSize(),
            new PinnedThreadFactory("mm-order", context.orderCpu()), ProducerType.SINGLE,
            localRoute != null && "sleeping".equals(context.orderWaitStrategy()) ? new ParkingWaitStrategy() :
            WaitStrategies.of(context.orderWaitStrategy()));
        this.commandSink = new RingCommandSink(outbound.getRingBuffer());
        this.core = new TradingCore(coreContext, instruments, commandSink);
        this.publisher = new RingInboundPublisher(inbound.getRingBuffer(), dutyCycle);
        gateway.marketDataThreadFactory(new PinnedThreadFactory("bitmm-md", context.mdCpu()))
            .marketDataLoopSpin("busy-spin".equals(context.mdWaitStrategy()))
            .sharedDutyCycle(dutyCycle);
        if (localRoute == null && dutyCycle == null)
        {
            gateway.orderThreadFactory(new PinnedThreadFactory("bitmm-orders", context.orderCpu()))
                .orderLoopSpin("busy-spin".equals(context.orderWaitStrategy()));
        }
        this.orders = localRoute == null ? new VenueRoute(new OrderGateway(gateway, instruments, publisher)) :
            localRoute.apply(publisher);
        this.privateStream = localRoute == null ? new PrivateStreamGateway(gateway, instruments, publisher) : null;
        this.marketData = new MarketDataGateway(gateway, instruments,
            new BatchingInboundPublisher(orders.marketDataPublisher(publisher), inbound.getRingBuffer()));
        this.timer = new AgentRunner(new SleepingMillisIdleStrategy(1), this::onTimerError, null,
            new TimerAgent(publisher, context.timerIntervalMs()));

        inbound.setDefaultExceptionHandler(new CountingExceptionHandler<>("core"));
        outbound.setDefaultExceptionHandler(new CountingExceptionHandler<>("order"));
        this.coreHandler = (event, sequence, endOfBatch) ->
        {
            event.consumeNanos = System.nanoTime();
            core.onEvent(event);
            latency.onCoreEvent(event, System.nanoTime());
            if (commandSink.takePublished())
            {
                orders.wakeup();
            }
            final InstrumentGauges instrumentGauges = gauges;
            if (instrumentGauges != null)
            {
                instrumentGauges.onEvent(event);
            }
        };
        final SequenceBarrier afterCore;
        if (dutyCycle != null)
        {
            final RingBuffer<InboundEvent> ring = inbound.getRingBuffer();
            this.corePoller = ring.newPoller();
            ring.addGatingSequences(corePoller.getSequence());
            afterCore = ring.newBarrier(corePoller.getSequence());
            dutyCycle.add(coreDuty); // before the order gateway's duty: a turn decides, then sends
            ((RingInboundPublisher)publisher).inlineConsumer(coreDuty);
        }
        else
        {
            this.corePoller = null;
            inbound.handleEventsWith(coreHandler);
            afterCore = inbound.after(coreHandler).asSequenceBarrier();
        }
        if (orders instanceof VenueRoute)
        {
            // The order I/O thread consumes the outbound ring itself: no hand-off thread between the core and it.
            final RingBuffer<OutboundCommand> ring = outbound.getRingBuffer();
            this.orderPoller = ring.newPoller();
            ring.addGatingSequences(orderPoller.getSequence());
            ((VenueRoute)orders).gateway.commandSource(new PolledCommands());
        }
        else
        {
            this.orderPoller = null;
            outbound.handleEventsWith(this::onCommand);
        }
        this.journalAgent = journal == null ? null : new JournalAgent(journal.journal().appender(),
            inbound.getRingBuffer(), afterCore, outbound.getRingBuffer(),
            new JournalLagGuard(inbound.getRingBuffer(), journal.lagThreshold()));
        this.journalRunner = journal == null ? null : new AgentRunner(
            new BackoffIdleStrategy(10, 10, TimeUnit.MICROSECONDS.toNanos(50), TimeUnit.MILLISECONDS.toNanos(1)),
            this::onTimerError, null, journalAgent);
    }

    /**
     * Record the latency stages into these recorders instead of the default ones (call before {@link #start()}).
     *
     * @param recorders the recorders (e.g. with a coordinated-omission interval).
     */
    public void latencyRecorders(final LatencyRecorders recorders)
    {
        latency = recorders;
    }

    /**
     * @return the latency stage recorders (read by a log writer thread).
     */
    public LatencyRecorders latency()
    {
        return latency;
    }

    /**
     * Publish every counter in the run's counters file (call before {@link #start()}): the core's, each gateway's, the
     * per-instrument gauges (written on the core thread after each event) and the engine gauges (a status thread).
     * Give the gateway context {@code counters.errorLog()} before making the engine so gateway errors go there too.
     *
     * @param counters     the run's counters file.
     * @param maxPositions the position limit per instrument id, size units.
     */
    public void counters(final RunCounters counters, final long[] maxPositions)
    {
        core.counters().register(counters.manager());
        marketData.counters().register(counters.manager(), "md");
        if (privateStream != null)
        {
            privateStream.counters().register(counters.manager(), "private");
        }
        if (orders instanceof VenueRoute)
        {
            ((VenueRoute)orders).gateway.counters().register(counters.manager(), "orders");
        }
        gauges = counters.instruments(core, instruments, maxPositions, handlerErrors::get, this::journalEntries,
            this::journalLag);
        runCounters = counters;
        statusRunner = new AgentRunner(new SleepingMillisIdleStrategy(20), this::onTimerError, null,
            counters.statusAgent());
    }

    /**
     * The venue's position of a perpetual at reconciliation, which the core takes as its start position: published by
     * {@link #start()} as a start POSITION_SNAPSHOT ({@code flag} set) before any venue event, so the journal records
     * it and a replay starts from it. Call before {@link #start()}.
     *
     * @param instrumentId     the instrument.
     * @param sizeUnits        signed size, size units (long positive).
     * @param entryPriceUnits  the venue's average entry price, price units (0 unknown).
     */
    public void startPosition(final int instrumentId, final long sizeUnits, final long entryPriceUnits)
    {
        if (started)
        {
            throw new IllegalStateException("startPosition after start");
        }
        startPositions.add(new long[] {instrumentId, sizeUnits, entryPriceUnits});
    }

    /**
     * Start in dependency order: consumers, the start positions, then the pre-warmed order pool, the private stream,
     * market data, timer.
     */
    public void start()
    {
        orders.stageListener(latency);
        if (journalRunner != null)
        {
            AgentRunner.startOnThread(journalRunner, new PinnedThreadFactory("mm-journal", -1));
        }
        outbound.start();
        inbound.start();
        for (final long[] p : startPositions)
        {
            final long sequence = publisher.claim();
            final InboundEvent event = publisher.event(sequence);
            event.reset();
            event.type = EventType.POSITION_SNAPSHOT;
            event.flag = true;
            event.instrumentId = (int)p[0];
            event.size = p[1];
            event.averagePrice = p[2];
            event.timestampNanos = System.nanoTime();
            event.publishNanos = event.timestampNanos;
            publisher.publish(sequence);
        }
        orders.start();
        if (privateStream != null)
        {
            privateStream.start();
        }
        marketData.start();
        AgentRunner.startOnThread(timer, new PinnedThreadFactory("mm-timer", context.timerCpu()));
        if (runCounters != null)
        {
            runCounters.runState(StatusAgent.RUNNING);
            AgentRunner.startOnThread(statusRunner, new PinnedThreadFactory("mm-status", -1));
        }
        started = true;
    }

    /**
     * Stop quoting, cancel every open order and wait (bounded) for the venue to confirm, and for the fills of the orders
     * a query found filled to be fetched, sweep this run's fills from the venue's history (the core books those it
     * missed), then stop everything.
     *
     * @return true when every order was confirmed closed within the timeout.
     */
    public boolean stop()
    {
        if (!started)
        {
            return true;
        }
        started = false;
        if (runCounters != null)
        {
            runCounters.runState(StatusAgent.STOPPING);
        }
        publishStopQuoting();
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(context.shutdownTimeoutMs());
        boolean allClosed = false;
        boolean settledBefore = false;
        while (System.nanoTime() - deadline < 0)
        {
            // every order closed, and the fills of those a query found filled fetched (chaos seed 3021: two fills
            // whose pushes were lost were being fetched when the engine stopped, and were never booked); twice in a
            // row, since the core publishes its open-order count before it counts the fetch that the same event sends
            final boolean settled = core.openOrderCount() == 0 && fillFetchesDone();
            if (settled && settledBefore)
            {
                allClosed = true;
                break;
            }
            settledBefore = settled;
            sleepMs(settled ? 50 : 20);
        }
        sweepFills(deadline);
        marketData.close();
        if (privateStream != null)
        {
            privateStream.close();
        }
        timer.close();
        drain();
        orders.close();
        if (dutyCycle != null)
        {
            dutyCycle.remove(coreDuty);
            dutyCycle.close();
        }
        if (runCounters != null)
        {
            statusRunner.close();
            runCounters.runState(StatusAgent.STOPPED);
        }
        return allClosed;
    }

    /**
     * Fetch every fill of this run from the venue's fill history and hand them to the core, which books those it has
     * not seen (deduplicated by trade id; only its own orders'). A fill whose pushes were lost while the stream stayed
     * up, on an order then replaced or cancelled successfully, is seen by no reply, query or reconnect (chaos seed 3030);
     * nor is one whose fetch failed (seed 3024). Waits until the shutdown deadline, at least 5 s.
     */
    private void sweepFills(final long deadline)
    {
        if (privateStream == null || !(orders instanceof VenueRoute))
        {
            return;
        }
        final long until = Math.max(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        final CompletableFuture<Integer> swept = ((VenueRoute)orders).gateway.fillFetcher()
            .sweepSince(privateStream.sweepStartVenueMs(), () -> System.nanoTime() - until < 0);
        try
        {
            final int fetched = swept.get(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())), TimeUnit.MILLISECONDS);
            stopSweepFills = fetched;
        }
        catch (final TimeoutException | ExecutionException ex)
        {
            System.err.println("mm: the stop's sweep of this run's fills did not finish: " + ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @return fills the stop's sweep fetched (booked by the core only when new: {@code recoveredFills}; the others are
     * {@code fillsSweptKnown}), -1 before or without one.
     */
    public int stopSweepFills()
    {
        return stopSweepFills;
    }

    /** True when every FETCH_FILLS the core sent has been served (paper mode sends none). */
    private boolean fillFetchesDone()
    {
        return !(orders instanceof VenueRoute) ||
            ((VenueRoute)orders).gateway.fillFetcher().ordersDone() >= core.counters().get(CoreCounters.FILL_FETCHES_SENT);
    }

    @Override
    public void close()
    {
        stop();
    }

    /**
     * @return the core (read its counters and positions after {@link #stop()}).
     */
    public TradingCore core()
    {
        return core;
    }

    /**
     * @return the instruments traded.
     */
    public InstrumentTable instruments()
    {
        return instruments;
    }

    /**
     * @return what the order gateway's JIT warm-up did at start, for the run's output ("" without one).
     */
    public String orderWarmupNote()
    {
        return orders instanceof VenueRoute ? ((VenueRoute)orders).warmupNote() : "";
    }

    /**
     * @return the market-data gateway (counters).
     */
    public MarketDataGateway marketData()
    {
        return marketData;
    }

    /**
     * @return the order gateway's counters (requests, connections opened, timeouts); empty in paper mode.
     */
    public io.bitmm.gateway.GatewayCounters orderCounters()
    {
        return orders instanceof VenueRoute ? ((VenueRoute)orders).gateway.counters() : new io.bitmm.gateway.GatewayCounters();
    }

    /**
     * @return the private-stream gateway's counters (reconnect reconciles, gap fills, subscribe retries); empty in
     * paper mode.
     */
    public io.bitmm.gateway.GatewayCounters privateStreamCounters()
    {
        return privateStream == null ? new io.bitmm.gateway.GatewayCounters() : privateStream.counters();
    }

    /**
     * @return the venue clock minus the local clock (ms) as last measured; 0 in paper mode.
     */
    public long clockOffsetMs()
    {
        return orders instanceof VenueRoute ? ((VenueRoute)orders).gateway.clockOffsetMs() : 0;
    }

    /**
     * @return journal entries written (events + commands), 0 without a journal; read after {@link #stop()}.
     */
    public long journalEntries()
    {
        return journalAgent == null ? 0 : journalAgent.entries();
    }

    /**
     * @return true when the journal fell behind and stopped quoting.
     */
    public boolean journalLagged()
    {
        return journalAgent != null && journalAgent.lagged();
    }

    private long journalLag()
    {
        return journalAgent == null ? 0 :
            Math.max(0, coreSequence() - journalAgent.inboundSequence());
    }

    /**
     * @return commands the core has published to the outbound ring so far.
     */
    public long commandsPublished()
    {
        return outbound.getRingBuffer().getCursor() + 1;
    }

    /**
     * @return exceptions the ring handlers caught and survived.
     */
    public long handlerErrors()
    {
        return handlerErrors.get();
    }

    private void onCommand(final OutboundCommand command, final long sequence, final boolean endOfBatch)
    {
        if (command.type == CommandType.RESYNC_BOOK)
        {
            marketData.requestResync(command.instrumentId);
            return;
        }
        orders.onCommand(command, sequence, endOfBatch);
    }

    private void publishStopQuoting()
    {
        final long sequence = publisher.claim();
        final InboundEvent event = publisher.event(sequence);
        event.reset();
        event.type = EventType.STOP_QUOTING;
        event.timestampNanos = System.nanoTime();
        publisher.publish(sequence);
    }

    private void drain()
    {
        final RingBuffer<InboundEvent> in = inbound.getRingBuffer();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (coreSequence() < in.getCursor() && System.nanoTime() - deadline < 0)
        {
            sleepMs(1);
        }
        inbound.halt();
        if (orderPoller != null)
        {
            final long outboundDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (orderPoller.getSequence().get() < outbound.getRingBuffer().getCursor() &&
                System.nanoTime() - outboundDeadline < 0)
            {
                orders.wakeup();
                sleepMs(1);
            }
            outbound.halt();
        }
        else
        {
            try
            {
                outbound.shutdown(5, TimeUnit.SECONDS);
            }
            catch (final com.lmax.disruptor.TimeoutException ex)
            {
                outbound.halt();
            }
        }
        if (journalRunner != null)
        {
            final long journalDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((journalAgent.inboundSequence() < coreSequence() ||
                journalAgent.outboundSequence() < outbound.getRingBuffer().getCursor()) &&
                System.nanoTime() - journalDeadline < 0)
            {
                sleepMs(1);
            }
            journalRunner.close();
        }
    }

    /**
     * @return the last inbound sequence the core handled.
     */
    private long coreSequence()
    {
        return corePoller != null ? corePoller.getSequence().get() : inbound.getSequenceValueFor(coreHandler);
    }

    /**
     * The core's duty on the shared thread: handle what the inbound ring holds, at most {@value #CORE_BATCH} events
     * a turn so the sockets and the order agent get their turn.
     */
    private int pollCore()
    {
        coreEvents.taken = 0;
        try
        {
            corePoller.poll(coreEvents);
        }
        catch (final Exception ex)
        {
            coreEvents.errors.handleEventException(ex, corePoller.getSequence().get() + 1, null);
        }
        return coreEvents.taken;
    }

    private void onTimerError(final Throwable error)
    {
        handlerErrors.incrementAndGet();
        recordError(error);
        System.err.println("mm: timer error: " + error);
    }

    private void recordError(final Throwable error)
    {
        final RunCounters counters = runCounters;
        if (counters != null)
        {
            counters.errorLog().record(error);
        }
    }

    private static void sleepMs(final long ms)
    {
        try
        {
            Thread.sleep(ms);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The default route: commands go to the venue through the order gateway.
     */
    private static final class VenueRoute implements OrderRoute
    {
        final OrderGateway gateway;

        VenueRoute(final OrderGateway gateway)
        {
            this.gateway = gateway;
        }

        @Override
        public void start()
        {
            gateway.start();
        }

        @Override
        public void onCommand(final OutboundCommand command, final long sequence, final boolean endOfBatch)
        {
            gateway.onCommand(command, sequence, endOfBatch);
        }

        @Override
        public InboundPublisher marketDataPublisher(final InboundPublisher ring)
        {
            return ring;
        }

        @Override
        public void wakeup()
        {
            gateway.wakeup();
        }

        String warmupNote()
        {
            return gateway.warmupAnswered() == 0 ? "" : "order path warmed up: " + gateway.warmupAnswered() +
                " in-memory requests in " + gateway.warmupMillis() + " ms";
        }

        @Override
        public void stageListener(final OrderStageListener listener)
        {
            gateway.stageListener(listener);
        }

        @Override
        public void close()
        {
            gateway.close();
        }
    }

    /**
     * The outbound ring as the order I/O thread's command source: RESYNC_BOOK goes to the market-data gateway, the
     * rest to the order gateway; a failing command is counted (like a ring handler's) and skipped, never retried.
     */
    private final class PolledCommands implements CommandSource, EventPoller.Handler<OutboundCommand>
    {
        private final CountingExceptionHandler<OutboundCommand> errors = new CountingExceptionHandler<>("order");
        private CommandSource.Consumer consumer;
        private int taken;

        @Override
        public int poll(final CommandSource.Consumer consumer)
        {
            this.consumer = consumer;
            taken = 0;
            try
            {
                orderPoller.poll(this);
            }
            catch (final Exception ex)
            {
                errors.handleEventException(ex, orderPoller.getSequence().get() + 1, null);
            }
            return taken;
        }

        @Override
        public boolean onEvent(final OutboundCommand command, final long sequence, final boolean endOfBatch)
        {
            taken++;
            try
            {
                if (command.type == CommandType.RESYNC_BOOK)
                {
                    marketData.requestResync(command.instrumentId);
                }
                else
                {
                    consumer.accept(command, sequence, endOfBatch);
                }
            }
            catch (final RuntimeException ex)
            {
                errors.handleEventException(ex, sequence, command);
            }
            return true;
        }
    }

    /** The core handler as an {@link EventPoller.Handler}: a failing event is counted and skipped, never retried. */
    private final class CoreEvents implements EventPoller.Handler<InboundEvent>
    {
        private final CountingExceptionHandler<InboundEvent> errors = new CountingExceptionHandler<>("core");
        private int taken;

        @Override
        public boolean onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
        {
            taken++;
            try
            {
                coreHandler.onEvent(event, sequence, endOfBatch);
            }
            catch (final Exception ex)
            {
                errors.handleEventException(ex, sequence, event);
            }
            return taken < CORE_BATCH;
        }
    }

    private final class CountingExceptionHandler<T> implements ExceptionHandler<T>
    {
        private final String name;
        private boolean reported;

        CountingExceptionHandler(final String name)
        {
            this.name = name;
        }

        @Override
        public void handleEventException(final Throwable ex, final long sequence, final T event)
        {
            handlerErrors.incrementAndGet();
            recordError(ex);
            if (!reported)
            {
                reported = true;
                System.err.println("mm: " + name + " handler failed at sequence " + sequence + " (counted; " +
                    "further failures are counted only): " + ex);
            }
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            System.err.println("mm: " + name + " handler failed to start: " + ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            System.err.println("mm: " + name + " handler failed to stop: " + ex);
        }
    }
}
