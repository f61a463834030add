// Drives the unmodified ccxt pro.bitget client against the simulated venue.
// Usage: node ccxt-conformance.mjs --rest http://127.0.0.1:P --ws-public ws://.../v2/ws/public --ws-private ws://.../v2/ws/private
//        [--book-updates 2000] [--key K --secret S --passphrase P]
// Prints PASS/FAIL per step; exits non-zero if any step failed.
import ccxt from 'ccxt';

const argv = process.argv.slice(2);
const arg = (name, dflt) => {
    const i = argv.indexOf('--' + name);
    return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const rest = arg('rest');
const wsPublic = arg('ws-public');
const wsPrivate = arg('ws-private');
const bookUpdates = parseInt(arg('book-updates', '2000'), 10);
const only = arg('only', 'all');
if (!rest || !wsPublic || !wsPrivate) {
    console.error('usage: ccxt-conformance.mjs --rest URL --ws-public URL --ws-private URL');
    process.exit(2);
}

const exchange = new ccxt.pro.bitget({
    apiKey: arg('key', process.env.BITGET_API_KEY || 'sim-key'),
    secret: arg('secret', process.env.BITGET_API_SECRET || 'sim-secret'),
    password: arg('passphrase', process.env.BITGET_API_PASSPHRASE || 'sim-passphrase'),
    enableRateLimit: true,
    options: { defaultType: 'spot' },
});
for (const k of Object.keys(exchange.urls.api)) {
    if (typeof exchange.urls.api[k] === 'string') {
        exchange.urls.api[k] = rest;
    }
}
exchange.urls.api.ws = { public: wsPublic, private: wsPrivate, utaPublic: wsPublic, utaPrivate: wsPrivate };

let failures = 0;
const results = [];
async function step(name, fn) {
    const t0 = Date.now();
    try {
        const detail = await fn();
        console.log(`PASS ${name}${detail ? ' - ' + detail : ''} (${Date.now() - t0} ms)`);
        results.push([name, true]);
    } catch (e) {
        failures++;
        console.log(`FAIL ${name} - ${e && e.constructor ? e.constructor.name : ''}: ${e && e.message ? e.message : e}`);
        results.push([name, false]);
    }
}
function check(cond, msg) {
    if (!cond) {
        throw new Error('check failed: ' + msg);
    }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const symbol = 'BTC/USDT';

async function waitFor(pred, timeoutMs, what) {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
        const v = await pred();
        if (v) {
            return v;
        }
        await sleep(100);
    }
    throw new Error('timeout waiting for ' + what);
}

async function main() {
    await exchange.loadHttpProxyAgent();
    let ticker;
    await step('loadMarkets', async () => {
        const markets = await exchange.loadMarkets();
        check(markets[symbol] !== undefined, 'BTC/USDT listed');
        check(markets[symbol].precision.price === 0.01, 'price precision 0.01, got ' + markets[symbol].precision.price);
        return Object.keys(markets).length + ' markets';
    });
    await step('fetchTime', async () => {
        const t = await exchange.fetchTime();
        check(Math.abs(t - Date.now()) < 5000, 'time close to local clock');
        return String(t);
    });
    await step('fetchOrderBook', async () => {
        const ob = await exchange.fetchOrderBook(symbol);
        check(ob.bids.length >= 50 && ob.asks.length >= 50, 'depth >= 50 levels, got ' + ob.bids.length + '/' + ob.asks.length);
        check(ob.bids[0][0] < ob.asks[0][0], 'not crossed');
        return `${ob.bids.length}x${ob.asks.length} best ${ob.bids[0][0]}/${ob.asks[0][0]}`;
    });
    await step('fetchTicker', async () => {
        ticker = await exchange.fetchTicker(symbol);
        check(ticker.bid > 0 && ticker.ask > ticker.bid, 'bid/ask');
        return `bid ${ticker.bid} ask ${ticker.ask}`;
    });
    await step(`watchOrderBook x${bookUpdates}`, async () => {
        // Count every books message ccxt handles (each update's checksum is verified inside handleOrderBook);
        // wrapping the instance method observes ccxt without changing its behaviour.
        let handled = 0;
        const original = exchange.handleOrderBook.bind(exchange);
        exchange.handleOrderBook = (client, message) => {
            handled++;
            return original(client, message);
        };
        let awaits = 0;
        const t0 = Date.now();
        try {
            while (handled < bookUpdates) {
                const ob = await exchange.watchOrderBook(symbol);
                check(ob.bids.length > 0 && ob.asks.length > 0, 'non-empty book');
                awaits++;
            }
        } finally {
            exchange.handleOrderBook = original;
        }
        const secs = (Date.now() - t0) / 1000;
        await exchange.unWatchOrderBook(symbol);
        return `${handled} books messages handled (${awaits} resolved watches), no ChecksumError, ${(handled / secs).toFixed(0)} msgs/s`;
    });
    if (only === 'books') {
        return;
    }
    await step('corrupted checksum (fault injection) is detected by ccxt (its checksum-failure path)', async () => {
        await exchange.watchOrderBook('ETH/USDT');
        // Spy on ccxt's checksum-failure path (ccxt unsubscribes, which rejects the pending watch with
        // UnsubscribeError, then rejects with ChecksumError); the spy only counts and delegates.
        let detected = 0;
        const original = exchange.handleCheckSumError.bind(exchange);
        exchange.handleCheckSumError = (client, sym, hash) => {
            detected++;
            return original(client, sym, hash);
        };
        const resp = await fetch(rest + '/sim/fault', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ fault: 'corruptChecksum', count: 1 }),
        });
        check(resp.ok, 'control endpoint accepted the fault');
        try {
            for (let i = 0; i < 2000; i++) {
                await Promise.race([exchange.watchOrderBook('ETH/USDT'),
                    sleep(10000).then(() => { throw new Error('no book update within 10 s'); })]);
            }
        } catch (e) {
            check(detected === 1, 'ccxt checksum failure path taken once, got ' + detected);
            check(e instanceof ccxt.ChecksumError || e instanceof ccxt.UnsubscribeError, 'ChecksumError/UnsubscribeError, got '
                + e.constructor.name);
            return `ccxt detected the bad checksum (${e.constructor.name})`;
        } finally {
            exchange.handleCheckSumError = original;
        }
        throw new Error('no ChecksumError after a corrupted update');
    });
    await step('watchTicker', async () => {
        const t = await exchange.watchTicker(symbol);
        check(t.bid > 0, 'bid');
        return `bid ${t.bid}`;
    });
    let before;
    await step('fetchBalance (before)', async () => {
        before = await exchange.fetchBalance();
        check(before.USDT.free > 0, 'USDT free');
        return `BTC ${before.BTC.free}/${before.BTC.used} USDT ${before.USDT.free}/${before.USDT.used}`;
    });
    const ob = await exchange.fetchOrderBook(symbol);
    const bid = ob.bids[0][0];
    const ask = ob.asks[0][0];
    const lowPrice = exchange.priceToPrecision(symbol, bid * 0.98);
    let gtc;
    let po;
    await step('createOrder limit GTC', async () => {
        gtc = await exchange.createOrder(symbol, 'limit', 'buy', 0.001, lowPrice);
        check(gtc.id, 'order id');
        return 'id ' + gtc.id;
    });
    await step('createOrder post-only', async () => {
        po = await exchange.createOrder(symbol, 'limit', 'buy', 0.001, lowPrice, { postOnly: true });
        check(po.id, 'order id');
        return 'id ' + po.id;
    });
    await step('fetchOpenOrders', async () => {
        const open = await exchange.fetchOpenOrders(symbol);
        const ids = open.map((o) => o.id);
        check(ids.includes(gtc.id) && ids.includes(po.id), 'both orders open: ' + ids.join(','));
        return open.length + ' open';
    });
    await step('fetchOrder', async () => {
        const o = await exchange.fetchOrder(gtc.id, symbol);
        check(o.id === gtc.id && o.status === 'open', 'status open, got ' + o.status);
        check(o.price === Number(lowPrice), 'price ' + o.price);
        return `${o.status} ${o.side} ${o.amount}@${o.price}`;
    });
    let edited;
    await step('editOrder', async () => {
        const newPrice = exchange.priceToPrecision(symbol, bid * 0.97);
        edited = await exchange.editOrder(gtc.id, symbol, 'limit', 'buy', 0.002, newPrice);
        check(edited.id && edited.id !== gtc.id, 'new order id');
        const o = await exchange.fetchOrder(edited.id, symbol);
        check(o.status === 'open' && o.amount === 0.002, 'replacement open with new size');
        const old = await exchange.fetchOrder(gtc.id, symbol);
        check(old.status === 'canceled', 'old order canceled, got ' + old.status);
        return 'new id ' + edited.id;
    });
    await step('cancelOrder', async () => {
        await exchange.cancelOrder(edited.id, symbol);
        const o = await exchange.fetchOrder(edited.id, symbol);
        check(o.status === 'canceled', 'canceled, got ' + o.status);
        return 'canceled ' + edited.id;
    });
    await step('cancelOrders', async () => {
        const a = await exchange.createOrder(symbol, 'limit', 'buy', 0.001, lowPrice);
        const b = await exchange.createOrder(symbol, 'limit', 'buy', 0.001, lowPrice);
        await exchange.cancelOrders([a.id, b.id, po.id], symbol);
        const open = await exchange.fetchOpenOrders(symbol);
        check(open.length === 0, 'no open orders left, got ' + open.length);
        return 'canceled 3';
    });
    await step('createOrders (batch-orders) + cancelAllOrders (cancel-symbol-order)', async () => {
        const orders = await exchange.createOrders([
            { symbol, type: 'limit', side: 'buy', amount: 0.001, price: Number(lowPrice) },
            { symbol, type: 'limit', side: 'buy', amount: 0.001, price: Number(lowPrice) },
        ]);
        check(orders.length === 2 && orders.every((o) => o.id), 'two ids');
        await exchange.cancelAllOrders(symbol);
        const open = await waitFor(async () => {
            const x = await exchange.fetchOpenOrders(symbol);
            return x.length === 0 ? [] : null;
        }, 3000, 'all canceled');
        return 'placed 2, open after cancel-all: ' + open.length;
    });
    await step('fetchTrades + watchTrades', async () => {
        const trades = await exchange.fetchTrades(symbol);
        check(trades.length > 0, 'recent trades');
        const live = await Promise.race([exchange.watchTrades(symbol), sleep(10000).then(() => { throw new Error('no trade push'); })]);
        check(live.length > 0 && live[0].price > 0, 'trade push');
        return `${trades.length} recent, live ${live[0].side} ${live[0].amount}@${live[0].price}`;
    });
    await step('post-only crossing is accepted then canceled', async () => {
        const crossing = exchange.priceToPrecision(symbol, ask * 1.001);
        const o = await exchange.createOrder(symbol, 'limit', 'buy', 0.001, crossing, { postOnly: true });
        const s = await waitFor(async () => {
            const x = await exchange.fetchOrder(o.id, symbol);
            return x.status === 'canceled' ? x : null;
        }, 3000, 'post-only cancel');
        return 'status ' + s.status;
    });
    await step('watchOrders + watchMyTrades receive the fill of a crossing order', async () => {
        const ordersP = exchange.watchOrders(symbol);
        const tradesP = exchange.watchMyTrades(symbol);
        await sleep(300);
        const book = await exchange.fetchOrderBook(symbol);
        const crossing = exchange.priceToPrecision(symbol, book.asks[0][0] * 1.002);
        const o = await exchange.createOrder(symbol, 'limit', 'buy', 0.001, crossing);
        const trades = await Promise.race([tradesP, sleep(5000).then(() => { throw new Error('no fill push'); })]);
        const orders = await Promise.race([ordersP, sleep(5000).then(() => { throw new Error('no orders push'); })]);
        check(trades.length > 0 && trades[0].order === o.id, 'fill of order ' + o.id);
        check(orders.length > 0 && orders.some((x) => x.id === o.id), 'orders push for ' + o.id);
        let last = orders;
        for (let i = 0; i < 5 && !last.some((x) => x.id === o.id && x.status === 'closed'); i++) {
            last = await Promise.race([exchange.watchOrders(symbol), sleep(2000).then(() => last)]);
        }
        check(last.some((x) => x.id === o.id && x.status === 'closed'), 'order closed on the orders channel');
        return `fill ${trades[0].amount}@${trades[0].price} fee ${trades[0].fee ? trades[0].fee.cost : '?'} ${trades[0].fee ? trades[0].fee.currency : ''}`;
    });
    await step('fetchBalance (after fill)', async () => {
        const after = await exchange.fetchBalance();
        check(after.BTC.total > before.BTC.total, `BTC grew ${before.BTC.total} -> ${after.BTC.total}`);
        check(after.USDT.total < before.USDT.total, `USDT shrank ${before.USDT.total} -> ${after.USDT.total}`);
        return `BTC ${before.BTC.total} -> ${after.BTC.total}, USDT ${before.USDT.total} -> ${after.USDT.total}`;
    });
    await step('fetchMyTrades', async () => {
        const trades = await exchange.fetchMyTrades(symbol);
        check(trades.length > 0, 'at least one trade');
        return trades.length + ' trades';
    });
    await step('watchBalance', async () => {
        const p = exchange.watchBalance();
        await sleep(300);
        const b = await Promise.race([p, sleep(5000).then(() => { throw new Error('no account push'); })]);
        check(b.USDT !== undefined, 'USDT in account push');
        return 'USDT free ' + b.USDT.free;
    });
    await step('wrong passphrase refused (40012)', async () => {
        const bad = new ccxt.bitget({ apiKey: exchange.apiKey, secret: exchange.secret, password: 'wrong' });
        for (const k of Object.keys(bad.urls.api)) {
            if (typeof bad.urls.api[k] === 'string') {
                bad.urls.api[k] = rest;
            }
        }
        try {
            await bad.fetchBalance();
        } catch (e) {
            check(String(e.message).includes('40012'), 'code 40012 in ' + e.message);
            return e.constructor.name;
        }
        throw new Error('accepted');
    });
}

try {
    await main();
} catch (e) {
    failures++;
    console.log('FAIL unexpected - ' + (e && e.stack ? e.stack : e));
}
try {
    await exchange.close();
} catch (e) {
    // closing is best effort
}
console.log(`${failures === 0 ? 'PASS' : 'FAIL'}: ${results.filter((r) => r[1]).length}/${results.length} steps passed`);
process.exit(failures === 0 ? 0 : 1);
