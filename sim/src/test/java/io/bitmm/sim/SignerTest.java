package io.bitmm.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignerTest
{
    private static final String SECRET = "bitget-test-secret-0001";
    static final String VECTOR3_BODY = "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"force\":\"post_only\","
        + "\"price\":\"30000.01\",\"size\":\"0.0010\",\"clientOid\":\"mm-1700000000000-1\"}";

    @Test
    void shouldReproduceProtocolVectors()
    {
        final Signer signer = new Signer(SECRET);
        assertEquals("xafQ2eNLPlkeWKkzsbyYzZtAjE5vkkCM+cSRjFuSkfU=", signer.sign("1700000000000GET/api/v2/spot/account/assets"));
        assertEquals("tuEltQBH9aGyys5cd06/866sBAHjUoDk2ADO0oskHx8=",
            signer.sign("1700000000000GET/api/v2/spot/trade/unfilled-orders?limit=100&symbol=BTCUSDT"));
        assertEquals("v49OQaqk0+v/sUasRcdf7R+DalUxo2Yg0qps7glS0Ew=",
            signer.sign("1700000000000POST/api/v2/spot/trade/place-order" + VECTOR3_BODY));
        assertEquals("CwXSVe1xY+P06Qz59ttfCSOaDJTl0n/JsSCFJZA5APg=", signer.sign("1700000000GET/user/verify"));
    }
}
