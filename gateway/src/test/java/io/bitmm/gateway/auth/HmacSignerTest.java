package io.bitmm.gateway.auth;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HmacSignerTest
{
    private static final byte[] SECRET = "bitget-test-secret-0001".getBytes(StandardCharsets.UTF_8);
    private static final String BODY = "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"force\":\"post_only\"," +
        "\"price\":\"30000.01\",\"size\":\"0.0010\",\"clientOid\":\"mm-1700000000000-1\"}";

    private static String sign(final HmacSigner signer, final String prehash)
    {
        final byte[] bytes = prehash.getBytes(StandardCharsets.UTF_8);
        signer.update(bytes, 0, bytes.length);
        final byte[] out = new byte[HmacSigner.BASE64_LENGTH];
        signer.signBase64(out, 0);
        return new String(out, StandardCharsets.US_ASCII);
    }

    @Test
    void shouldMatchVectorOne()
    {
        assertEquals("xafQ2eNLPlkeWKkzsbyYzZtAjE5vkkCM+cSRjFuSkfU=",
            sign(new HmacSigner(SECRET), "1700000000000GET/api/v2/spot/account/assets"));
    }

    @Test
    void shouldMatchVectorTwo()
    {
        assertEquals("tuEltQBH9aGyys5cd06/866sBAHjUoDk2ADO0oskHx8=",
            sign(new HmacSigner(SECRET), "1700000000000GET/api/v2/spot/trade/unfilled-orders?limit=100&symbol=BTCUSDT"));
    }

    @Test
    void shouldMatchVectorThree()
    {
        assertEquals("v49OQaqk0+v/sUasRcdf7R+DalUxo2Yg0qps7glS0Ew=",
            sign(new HmacSigner(SECRET), "1700000000000POST/api/v2/spot/trade/place-order" + BODY));
    }

    @Test
    void shouldMatchVectorFourAndBeReusable()
    {
        final HmacSigner signer = new HmacSigner(SECRET);
        sign(signer, "something else first");
        assertEquals("CwXSVe1xY+P06Qz59ttfCSOaDJTl0n/JsSCFJZA5APg=", sign(signer, "1700000000GET/user/verify"));
    }

    @Test
    void shouldAgreeWithJavaxMacForLongSecrets() throws Exception
    {
        final byte[] secret = new byte[100];
        for (int i = 0; i < secret.length; i++)
        {
            secret[i] = (byte)i;
        }
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        final String expected = Base64.getEncoder().encodeToString(mac.doFinal("abc".getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, sign(new HmacSigner(secret), "abc"));
    }
}
