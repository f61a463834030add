package io.bitmm.sim.net;

import io.bitmm.sim.Signer;
import io.netty.handler.codec.http.HttpHeaders;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The signed-request checks of protocol §2 (the same headers and HMAC for v2 and v3): key, passphrase, timestamp
 * window, Content-Type on POST, and the signature against the query as received, percent-decoded and sorted.
 */
public final class RestAuth
{
    private final Venue venue;
    private final Signer signer;

    /**
     * @param venue the venue (credentials, timestamp window)
     */
    public RestAuth(final Venue venue)
    {
        this.venue = venue;
        this.signer = new Signer(venue.credentials().secret());
    }

    /**
     * Checks a signed request.
     *
     * @param req the request
     * @param now epoch ms
     * @return "CODE msg" (a five-character code, a space, the message) or null when it passes
     */
    public String authenticate(final RestApi.Request req, final long now)
    {
        final HttpHeaders h = req.headers();
        final String key = h.get("ACCESS-KEY");
        final String sign = h.get("ACCESS-SIGN");
        final String ts = h.get("ACCESS-TIMESTAMP");
        final String pass = h.get("ACCESS-PASSPHRASE");
        if (key == null || key.isEmpty())
        {
            return "40001 ACCESS_KEY cannot be empty";
        }
        if (sign == null || sign.isEmpty())
        {
            return "40002 ACCESS_SIGN cannot be empty";
        }
        if (ts == null || ts.isEmpty())
        {
            return "40005 Invalid ACCESS_TIMESTAMP";
        }
        if (pass == null || pass.isEmpty())
        {
            return "40011 ACCESS_PASSPHRASE cannot be empty";
        }
        if (!key.equals(venue.credentials().apiKey()))
        {
            return "40006 Invalid ACCESS_KEY";
        }
        if (!pass.equals(venue.credentials().passphrase()))
        {
            return "40012 apikey/password is incorrect";
        }
        final long tsMs;
        try
        {
            tsMs = Long.parseLong(ts);
        }
        catch (final NumberFormatException ex)
        {
            return "40005 Invalid ACCESS_TIMESTAMP";
        }
        if (Math.abs(now - tsMs) > venue.context().timestampWindowMs())
        {
            return "40008 Request timestamp expired";
        }
        if ("POST".equals(req.method()))
        {
            final String ct = h.get("Content-Type");
            if (ct == null || !ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))
            {
                return "40007 Invalid Content_Type, please use application/json format";
            }
        }
        if (!signatureMatches(req, ts, sign))
        {
            return "40009 sign signature error";
        }
        return null;
    }

    private boolean signatureMatches(final RestApi.Request req, final String ts, final String sign)
    {
        final String base = ts + req.method() + req.path();
        final String raw = req.rawQuery();
        if (raw.isEmpty())
        {
            return sign.equals(signer.sign(base + req.body()));
        }
        final String decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        if (sign.equals(signer.sign(base + "?" + decoded + req.body())) || sign.equals(signer.sign(base + "?" + raw + req.body())))
        {
            return true;
        }
        final String[] parts = decoded.split("&");
        Arrays.sort(parts);
        return sign.equals(signer.sign(base + "?" + String.join("&", parts) + req.body()));
    }
}
