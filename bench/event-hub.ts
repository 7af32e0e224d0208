// Benchmark: the live-event hub's cost per event with 50 dashboards open, the part of a check-in
// that grows with the number of dashboards (bench:checkin --dashboards 50 measures the whole).
// Each event of a Soppeng village goes through the receive rule for each stream, is queued, and is
// written at the next flush (every 100 ms in the app; here at once, so the timing includes it). Target: under 10 µs per event for 50 streams,
// under 2% of a check-in's ~500 µs of server CPU.
// Run: npm run bench:hub
import fs from 'node:fs';
import os from 'node:os';
import { type DomainEvent, LocalBus } from '../src/server/events/bus';
import { StreamHub } from '../src/server/features/events/hub';
import { officer } from '../test/fixtures/actors';

const TARGETS = { usPerEvent: 10 };
const STREAMS = 50;
const EVENTS = 20_000;
const ROUNDS = 7;

const event = (n: number): DomainEvent => ({
  id: `e${n}`, name: 'stay.checked_in', regionCode: '73.12.04.1001', at: '2026-12-02T10:00:00Z',
  data: { stayId: `s${n}`, regionCode: '73.12.04.1001', lodgingId: 'l1', nationality: 'NLD', permitKind: 'visa_on_arrival', at: '2026-12-02T10:00:00Z' },
});

const bus = new LocalBus();
const hub = new StreamHub(bus, 0);
let bytes = 0;
for (let i = 0; i < STREAMS; i++) {
  hub.add({ actor: officer({ id: `dashboard-${i}` }), view: 'identity,permit,whereabouts', write: (chunk) => { bytes += chunk.length; } });
}

const perEvent: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const events = Array.from({ length: EVENTS }, (_, i) => event(round * EVENTS + i));
  const started = process.hrtime.bigint();
  await bus.publishAll(events);
  await new Promise((flushed) => setTimeout(flushed, 0));
  perEvent.push(Number(process.hrtime.bigint() - started) / 1000 / EVENTS);
}
hub.close();
// the first rounds warm the JIT up; the median of the rest is the figure
const settled = perEvent.slice(2).sort((a, b) => a - b);
const usPerEvent = Math.round(settled[Math.floor(settled.length / 2)]! * 100) / 100;
const out = {
  date: new Date().toISOString(), machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`.trim(),
  streams: STREAMS, eventsPerRound: EVENTS, rounds: perEvent.map((v) => Math.round(v * 100) / 100), usPerEvent,
  target: TARGETS, pass: usPerEvent < TARGETS.usPerEvent,
};
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/event-hub.json', JSON.stringify(out, null, 2) + '\n');
console.log(JSON.stringify(out, null, 2));
console.log(`${bytes} bytes written to the streams`);
