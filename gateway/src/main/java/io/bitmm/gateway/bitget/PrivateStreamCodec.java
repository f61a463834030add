package io.bitmm.gateway.bitget;

/**
 * A dialect's private-stream codec: decodes order, fill and account pushes into ORDER_UPDATE, FILL and BALANCE
 * events (allocation-free) and writes the subscribe frame. The login frame is the same in every dialect
 * ({@link io.bitmm.gateway.auth.WsLogin}).
 */
public interface PrivateStreamCodec
{
    int OK = 0;
    int PONG = 1;
    int CONTROL = 2;
    int ERROR = 3;

    int EVENT_NONE = 0;
    int EVENT_LOGIN = 1;
    int EVENT_SUBSCRIBE = 2;
    int EVENT_ERROR = 3;
    int EVENT_OTHER = 4;

    /**
     * Decode one complete text frame (event-loop thread, allocation-free).
     *
     * @param buffer  bytes.
     * @param offset  start.
     * @param length  length.
     * @param rxNanos receive stamp.
     * @return {@link #OK}, {@link #PONG}, {@link #CONTROL} or {@link #ERROR}.
     */
    int onFrame(byte[] buffer, int offset, int length, long rxNanos);

    /**
     * @return after {@link #CONTROL}: one of the {@code EVENT_} constants.
     */
    int event();

    /**
     * @return after {@link #CONTROL}: the venue's numeric code, 0 for success.
     */
    int code();

    /**
     * @return the frame subscribing every private channel this codec decodes (slow path).
     */
    String subscription();

    /**
     * @return how many subscribe acknowledgements {@link #subscription()} earns when all went well.
     */
    int channels();
}
