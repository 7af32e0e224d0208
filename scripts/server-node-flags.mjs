// Node.js flags for the processes that serve or bulk-write (npm start, the CLI, the benchmarks).
// A check-in or an imported row allocates a few short-lived kilobytes (rows, SQL parameters,
// events); with V8's default 16 MiB young generation they were scavenged several hundred times
// a second. 64 MiB semi-spaces cut the collector's share of a 100,000-row import from about
// 12% to 5% (2 s less in paired runs; in one paired check-in run, 2,255 → 2,818 a second;
// 2026-12-01), for at most about 200 MiB more memory under load. package.json's "cli" and "bench:import" spell the same flag.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
