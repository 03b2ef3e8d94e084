import * as e2ee from '@session-player/e2ee';
import { bufferSets, measureKdf, measureThroughput, type KdfSamples, type ThroughputSamples } from './e2ee-core.js';

/**
 * `@session-player/e2ee` against bare WebCrypto in Chromium (bench/e2ee.ts drives it).
 * The buffers are the backend's real pool segments, fetched from /media/pool/.
 */
export interface E2eeCryptoBench {
  ready: Promise<{ segments: number; bytes: number }>;
  throughput(rounds: number): Promise<ThroughputSamples[]>;
  kdf(runs: number, rawKeyRuns: number): Promise<KdfSamples>;
}

declare global {
  interface Window {
    e2eeCryptoBench?: E2eeCryptoBench;
  }
}

const sets = bufferSets(async (file) => {
  const response = await fetch(`/media/pool/${file}`);
  if (!response.ok) throw new Error(`/media/pool/${file}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
});

window.e2eeCryptoBench = {
  ready: sets.then((s) => ({ segments: s[0]!.buffers.length, bytes: s[0]!.buffers.reduce((n, b) => n + b.length, 0) })),
  async throughput(rounds) {
    return measureThroughput(e2ee, await sets, rounds);
  },
  kdf: (runs, rawKeyRuns) => measureKdf(e2ee, runs, rawKeyRuns),
};
