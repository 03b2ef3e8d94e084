/** Rewrites the test-vector block of FORMAT.md from scripts/test-vectors.ts (`npm run vectors`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildTestVectors, withTestVectors } from './test-vectors.js';

const formatMd = fileURLToPath(new URL('../FORMAT.md', import.meta.url));
const vectors = await buildTestVectors();
writeFileSync(formatMd, withTestVectors(readFileSync(formatMd, 'utf8'), vectors));
console.log(`FORMAT.md: test vectors written (header ${vectors.header.length / 2} bytes, ${vectors.segments.length + vectors.rawKeyVector.segments.length} segments)`);
