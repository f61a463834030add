package io.bitmm.gateway.order;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentKind;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.bitget.v2.MixOrderEncoder;
import io.bitmm.gateway.bitget.v2.SpotOrderEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A post-only limit PLACE through {@link SpotOrderEncoder#encode} (and through {@link MixOrderEncoder#encode}, the
 * classic USDT-M perpetual's, with productType, marginCoin, marginMode and reduceOnly): path, JSON body with
 * fixed-point price and size, and the HMAC-SHA256 signature in base64 over timestamp + method + path + body
 * ({@link HmacSigner}); and the signature alone over a typical prehash. In the gateway's package because
 * {@link OrderRequest}'s constructor is package-private (the benchmark lives in the tuning module). Run with
 * {@code -prof gc} to see 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OrderEncodeBenchmark
{
    private static final byte[] SECRET = "bitget-test-secret-0001".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PREHASH = ("1700000000000POST/api/v2/spot/trade/place-order{\"symbol\":\"BTCUSDT\",\"side\":" +
        "\"buy\",\"orderType\":\"limit\",\"force\":\"post_only\",\"price\":\"30000.01\",\"size\":\"0.0010\"," +
        "\"clientOid\":\"mm-1700000000000-1\"}").getBytes(StandardCharsets.US_ASCII);

    private final HmacSigner signer = new HmacSigner(SECRET);
    private final SpotOrderEncoder encoder = new SpotOrderEncoder(signer);
    private final MixOrderEncoder mixEncoder = new MixOrderEncoder(signer, "crossed");
    private final OrderRequest request = new OrderRequest(0);
    private final OutboundCommand command = new OutboundCommand();
    private final byte[] signature = new byte[HmacSigner.BASE64_LENGTH];
    private final Instrument btc = new Instrument(0, "BTCUSDT", InstrumentKind.SPOT, 0, 2, 2, 1, 4, 1, 0, 100_000_000L,
        50_000, 50_000, 1000, 1000, 200);
    private long timestampMs = 1_700_000_000_000L;

    /**
     * A PLACE command like the core's.
     */
    public OrderEncodeBenchmark()
    {
        command.type = CommandType.PLACE;
        command.instrumentId = 0;
        final byte[] oid = "mm-1700000000000-1".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(oid, 0, command.clientOid, 0, oid.length);
        command.clientOidLength = oid.length;
        command.side = Side.BUY;
        command.price = 3_000_001;
        command.size = 10;
        command.timeInForce = TimeInForce.POST_ONLY;
    }

    /**
     * @return whether it encoded.
     */
    @Benchmark
    public boolean encodeAndSignPlace()
    {
        request.clear();
        command.price = 3_000_001 + (timestampMs & 63);
        return encoder.encode(request, command, btc, ++timestampMs);
    }

    /**
     * @return whether it encoded.
     */
    @Benchmark
    public boolean encodeAndSignMixPlace()
    {
        request.clear();
        command.price = 3_000_001 + (timestampMs & 63);
        return mixEncoder.encode(request, command, btc, ++timestampMs);
    }

    /**
     * @return the signature's length.
     */
    @Benchmark
    public int signOnly()
    {
        signer.begin();
        signer.update(PREHASH, 0, PREHASH.length);
        return signer.signBase64(signature, 0);
    }
}
