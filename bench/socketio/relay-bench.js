// Baseline for the chat benchmark: the same room relayed by a plain Node.js Socket.IO server
// (the reference implementation). A child process runs the server; this process runs the members,
// each a socket.io-client on the websocket transport. Every message goes to the server, which
// relays it to the whole room (sender included); latency is send -> arrival at the last member.
// Usage: node relay-bench.js <members> <seconds per rate> <rate,rate,...>
// Prints one JSON line per rate: {"rate","sent","delivered","p50","p99"} (milliseconds).
'use strict';
const { fork } = require('child_process');

if (process.argv[2] === 'server') {
  const { Server } = require('socket.io');
  const io = new Server({ transports: ['websocket'] });
  io.on('connection', (socket) => {
    socket.join('room');
    socket.on('msg', (m) => io.to('room').emit('msg', m));
  });
  io.listen(0);
  const port = io.httpServer.address().port;
  process.send({ port });
  return;
}

const members = parseInt(process.argv[2] || '20', 10);
const seconds = parseFloat(process.argv[3] || '3');
const rates = (process.argv[4] || '500').split(',').map(Number);
const { io } = require('socket.io-client');
const now = () => Number(process.hrtime.bigint()) / 1e6;

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i];
}

async function main() {
  const server = fork(__filename, ['server'], { stdio: 'inherit' });
  const port = await new Promise((resolve) => server.once('message', (m) => resolve(m.port)));
  const clients = [];
  let arrivals = new Map();
  let latencies = [];
  for (let i = 0; i < members; i++) {
    const c = io(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true });
    await new Promise((resolve) => c.once('connect', resolve));
    c.on('msg', (m) => {
      const n = (arrivals.get(m.id) || 0) + 1;
      if (n === members) {
        arrivals.delete(m.id);
        latencies.push(now() - m.t);
      } else {
        arrivals.set(m.id, n);
      }
    });
    clients.push(c);
  }
  await new Promise((r) => setTimeout(r, 500));
  let next = 0;
  for (const rate of rates) {
    arrivals = new Map();
    latencies = [];
    const total = Math.round(rate * seconds);
    let sent = 0;
    const start = now();
    await new Promise((resolve) => {
      const tick = setInterval(() => {
        const due = Math.min(total, Math.floor(((now() - start) / 1000) * rate));
        while (sent < due) {
          clients[sent % members].emit('msg', { id: next++, t: now(), text: 'benchmark message' });
          sent++;
        }
        if (sent >= total) {
          clearInterval(tick);
          resolve();
        }
      }, 2);
    });
    const deadline = now() + 3000;
    while (latencies.length < total && now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const sorted = latencies.slice().sort((a, b) => a - b);
    const delivered = sorted.length;
    const p99 = delivered < total ? Infinity : percentile(sorted, 0.99);
    console.log(JSON.stringify({ rate, sent: total, delivered, p50: percentile(sorted, 0.5), p99 }));
  }
  clients.forEach((c) => c.close());
  server.kill();
  process.exit(0);
}

main().catch((e) => { console.error(e); process.exit(1); });
