import { decryptSegment, parseHeader, parseSealedPlaylist, unlock, type RecordingKey } from './index.js';

// Runs under `node --test`. Node modules are imported dynamically because the browser test
// runner serves `node:` imports as empty modules: there this file loads and registers nothing.
const { after, before, describe, it } = await import('node:test');
const assert: typeof import('node:assert/strict') = (await import('node:assert/strict')).default;
const { execFile } = await import('node:child_process');
const { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const { fileURLToPath } = await import('node:url');
const inNode = typeof describe === 'function';

const REPO = inNode ? fileURLToPath(new URL('../../../', import.meta.url)) : '';
const CLI = inNode ? fileURLToPath(new URL('./cli.ts', import.meta.url)) : '';
const POOL = inNode ? join(REPO, 'demo/fixtures/pool') : '';
const PASSPHRASE = 'Grüße: correct horse ✓ battery';
const SEGMENTS = ['seg_000.m4s', 'seg_001.m4s', 'seg_002.m4s', 'seg_003.m4s'];
const DURATIONS_MS = [6000, 3000, 2000, 6000];
const T0 = Date.UTC(2024, 4, 1, 9, 30);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from its TypeScript source, as a user would run the built bin. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO, timeout: 60_000 }, (error, stdout, stderr) => {
      // No run, successful or not, may print the passphrase.
      if (stdout.includes(PASSPHRASE) || stderr.includes(PASSPHRASE)) reject(new Error(`session-e2ee ${args[0]} printed the passphrase`));
      else resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const contains = (haystack: Uint8Array, needle: Uint8Array) => Buffer.from(haystack).indexOf(Buffer.from(needle)) >= 0;

if (inNode) describe('session-e2ee CLI', () => {
  let work: string;
  let input: string;
  let passphraseFile: string;
  const originals = new Map<string, Buffer>();

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'session-e2ee-'));
    input = join(work, 'pool-trimmed');
    passphraseFile = join(work, 'passphrase.txt');
    writeFileSync(passphraseFile, PASSPHRASE + '\r\n');
    copyInput(input, false);
    for (const f of ['init.mp4', ...SEGMENTS]) originals.set(f, readFileSync(join(POOL, f)));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  /** The pool fixture's init and first four segments, with a playlist trimmed to them. */
  function copyInput(dir: string, withDateTime: boolean) {
    const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-TARGETDURATION:6', '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:VOD', '#EXT-X-MAP:URI="init.mp4"'];
    SEGMENTS.forEach((f, i) => {
      if (withDateTime && i === 2) lines.push('#EXT-X-DISCONTINUITY', '#EXT-X-PROGRAM-DATE-TIME:2024-05-02T08:00:00.000Z');
      lines.push(`#EXTINF:${(DURATIONS_MS[i]! / 1000).toFixed(6)},`, f);
    });
    if (withDateTime) lines.splice(6, 0, '#EXT-X-PROGRAM-DATE-TIME:2024-05-01T09:30:00.000+00:00');
    lines.push('#EXT-X-ENDLIST');
    rmSync(dir, { recursive: true, force: true });
    ensureDir(dir);
    for (const f of ['init.mp4', ...SEGMENTS]) copyFileSync(join(POOL, f), join(dir, f));
    writeFileSync(join(dir, 'pool.m3u8'), lines.join('\n') + '\n');
  }

  describe('encrypt, then decrypt', () => {
    const sealedDir = () => join(work, 'sealed');
    let key: RecordingKey;
    let encryptRun: Run;

    before(async () => {
      encryptRun = await cli('encrypt', input, sealedDir(), '--passphrase-file', passphraseFile, '--start', '2024-05-01T09:30:00Z', '--first-index', '10');
      assert.equal(encryptRun.code, 0, encryptRun.stderr);
      key = await unlock(parseHeader(readFileSync(join(sealedDir(), 'header.b64'), 'utf8')), { passphrase: PASSPHRASE });
    });

    it('prints a one-line summary and writes the documented files', () => {
      assert.equal(encryptRun.stderr, '');
      const lines = encryptRun.stdout.trim().split('\n');
      assert.equal(lines.length, 1);
      assert.match(lines[0]!, /^sealed 4 media segments \+ init of recording "pool-trimmed": [\d,]+ bytes, 17\.0 s of video/);
      assert.deepEqual(readdirSync(sealedDir()).sort(), ['header.b64', 'header.bin', 'init-0.sps', 'recording.m3u8', 'seg-10.sps', 'seg-11.sps', 'seg-12.sps', 'seg-13.sps']);
      const b64 = readFileSync(join(sealedDir(), 'header.b64'), 'utf8');
      assert.ok(b64.endsWith('\n') && !b64.endsWith('\n\n'));
      assert.deepEqual(parseHeader(b64).bytes, new Uint8Array(readFileSync(join(sealedDir(), 'header.bin'))));
      assert.equal(key.header.recordingId, 'pool-trimmed');
      assert.equal(key.header.iterations, 600_000);
    });

    it('writes a playlist with the index tags and PROGRAM-DATE-TIME', () => {
      const text = readFileSync(join(sealedDir(), 'recording.m3u8'), 'utf8');
      assert.match(text, /#EXT-X-SP-INIT-INDEX:0\n#EXT-X-MAP:URI="init-0.sps"\n#EXT-X-PROGRAM-DATE-TIME:2024-05-01T09:30:00.000Z\n#EXT-X-SP-SEGMENT-INDEX:10\n#EXTINF:6.000,\nseg-10.sps\n/);
      assert.equal(text.match(/#EXT-X-SP-SEGMENT-INDEX:/g)?.length, 4);
      assert.ok(!text.includes('DISCONTINUITY'));
      const playlist = parseSealedPlaylist(text);
      assert.deepEqual(playlist.segments.map((s) => [s.index, s.start - T0, s.durationMs]), [[10, 0, 6000], [11, 6000, 3000], [12, 9000, 2000], [13, 11000, 6000]]);
    });

    it('seals segments that decrypt back to the original bytes at the listed instants', async () => {
      const playlist = parseSealedPlaylist(readFileSync(join(sealedDir(), 'recording.m3u8'), 'utf8'));
      const init = await decryptSegment(key, readFileSync(join(sealedDir(), playlist.initUri)), { kind: 'init', index: 0, start: 0 });
      assert.ok(Buffer.from(init).equals(originals.get('init.mp4')!));
      for (const [i, s] of playlist.segments.entries()) {
        const plain = await decryptSegment(key, readFileSync(join(sealedDir(), s.uri)), { kind: 'media', index: s.index, start: s.start });
        assert.ok(Buffer.from(plain).equals(originals.get(SEGMENTS[i]!)!), s.uri);
      }
    });

    it('leaves no plaintext (nor the passphrase) in any output file', () => {
      const outputs = readdirSync(sealedDir()).map((f) => readFileSync(join(sealedDir(), f)));
      for (const [name, original] of originals) {
        for (const at of [0, Math.floor(original.length / 2), original.length - 16]) {
          const window = original.subarray(at, at + 16);
          assert.ok(!outputs.some((o) => contains(o, window)), `${name}@${at} appears in the output`);
        }
      }
      assert.ok(!outputs.some((o) => contains(o, Buffer.from(PASSPHRASE))));
    });

    it('decrypt restores the original files and a plain playlist with the same instants', async () => {
      const plainDir = join(work, 'plain');
      const run = await cli('decrypt', sealedDir(), plainDir, '--passphrase-file', passphraseFile);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^decrypted 4 media segments \+ init of recording "pool-trimmed"/);
      assert.ok(readFileSync(join(plainDir, 'init.mp4')).equals(originals.get('init.mp4')!));
      SEGMENTS.forEach((f, i) => assert.ok(readFileSync(join(plainDir, `seg-${10 + i}.m4s`)).equals(originals.get(f)!), f));
      const text = readFileSync(join(plainDir, 'recording.m3u8'), 'utf8');
      assert.ok(text.includes('#EXT-X-PROGRAM-DATE-TIME:2024-05-01T09:30:00.000Z') && text.includes('#EXT-X-MAP:URI="init.mp4"'));
      assert.ok(!text.includes('#EXT-X-SP-'));
    });

    it('decrypt refuses a swapped segment and a wrong passphrase, naming the problem', async () => {
      const tampered = join(work, 'tampered');
      copyTree(sealedDir(), tampered);
      copyFileSync(join(sealedDir(), 'seg-12.sps'), join(tampered, 'seg-11.sps'));
      const swapped = await cli('decrypt', tampered, join(work, 'out-swapped'), '--passphrase-file', passphraseFile);
      assert.equal(swapped.code, 1);
      assert.match(swapped.stderr, /Media segment 11 \(2024-05-01T09:30:06.000Z\) was replaced by media segment 12/);
      const wrong = join(work, 'wrong.txt');
      writeFileSync(wrong, 'not it\n');
      const denied = await cli('decrypt', sealedDir(), join(work, 'out-wrong'), '--passphrase-file', wrong);
      assert.equal(denied.code, 1);
      assert.match(denied.stderr, /passphrase is not correct for recording "pool-trimmed"/);
    });
  });

  it('takes instants from PROGRAM-DATE-TIME and marks the jump as a discontinuity', async () => {
    const dated = join(work, 'dated');
    copyInput(dated, true);
    const out = join(work, 'dated-sealed');
    const run = await cli('encrypt', dated, out, '--passphrase-file', passphraseFile, '--recording-id', 'alice@ACME/PC-7');
    assert.equal(run.code, 0, run.stderr);
    const playlist = parseSealedPlaylist(readFileSync(join(out, 'recording.m3u8'), 'utf8'));
    assert.deepEqual(playlist.segments.map((s) => new Date(s.start).toISOString()), ['2024-05-01T09:30:00.000Z', '2024-05-01T09:30:06.000Z', '2024-05-02T08:00:00.000Z', '2024-05-02T08:00:02.000Z']);
    assert.equal(readFileSync(join(out, 'recording.m3u8'), 'utf8').match(/#EXT-X-DISCONTINUITY/g)?.length, 1);
    assert.equal(parseHeader(readFileSync(join(out, 'header.bin'))).recordingId, 'alice@ACME/PC-7');
  });

  it('exits 1 with one specific line on bad input', async () => {
    const missingSegment = join(work, 'missing-segment');
    copyInput(missingSegment, false);
    rmSync(join(missingSegment, 'seg_002.m4s'));
    const empty = join(work, 'empty.txt');
    writeFileSync(empty, '\n');
    const nonEmptyOut = join(work, 'occupied');
    ensureDir(nonEmptyOut);
    writeFileSync(join(nonEmptyOut, 'keep.txt'), 'x');
    const dated = join(work, 'dated-with-start');
    copyInput(dated, true);
    const noPlaylist = join(work, 'no-playlist');
    ensureDir(noPlaylist);
    const out = () => join(work, `out-${Math.random().toString(36).slice(2)}`);

    const cases: [string[], RegExp][] = [
      [['encrypt', input, out()], /--passphrase-file is required/],
      [['encrypt', input, out(), '--passphrase-file', join(work, 'nope.txt')], /passphrase file not found: .*nope\.txt/],
      [['encrypt', input, out(), '--passphrase-file', empty], /passphrase file is empty/],
      [['encrypt', join(work, 'no-such-dir'), out(), '--passphrase-file', passphraseFile], /input folder not found: .*no-such-dir/],
      [['encrypt', noPlaylist, out(), '--passphrase-file', passphraseFile], /no \.m3u8 playlist in .*no-playlist/],
      [['encrypt', input, out(), '--passphrase-file', passphraseFile], /no #EXT-X-PROGRAM-DATE-TIME; give the first segment's start with --start/],
      [['encrypt', input, out(), '--passphrase-file', passphraseFile, '--start', '2024-05-01 09:30'], /--start must be an ISO 8601 instant with a time zone/],
      [['encrypt', missingSegment, out(), '--passphrase-file', passphraseFile, '--start', '2024-05-01T09:30:00Z'], /segment file missing: .*seg_002\.m4s \(listed in pool\.m3u8\)/],
      [['encrypt', input, nonEmptyOut, '--passphrase-file', passphraseFile, '--start', '2024-05-01T09:30:00Z'], /output folder is not empty/],
      [['encrypt', input, out(), '--passphrase-file', passphraseFile, '--start', '2024-05-01T09:30:00Z', '--iterations', '1000'], /iterations must be an integer from 600000/],
      [['encrypt', input, out(), '--passphrase-file', passphraseFile, '--bogus'], /Unknown option '--bogus'/],
      [['encrypt', dated, out(), '--passphrase-file', passphraseFile, '--start', '2024-05-01T09:30:00Z'], /gives its own #EXT-X-PROGRAM-DATE-TIME; leave out --start/],
      [['encrypt', input], /needs <in-dir> and <out-dir>/],
      [['shred', input, out()], /unknown command "shred"/],
      [['decrypt', input, out(), '--passphrase-file', passphraseFile], /no header\.bin or header\.b64/],
    ];
    const runs = await Promise.all(cases.map(([args]) => cli(...args)));
    runs.forEach((run, i) => {
      const [args, pattern] = cases[i]!;
      assert.equal(run.code, 1, `${args.join(' ')}: exit ${run.code}`);
      assert.equal(run.stdout, '', args.join(' '));
      assert.equal(run.stderr.trim().split('\n').length, 1, `one line: ${run.stderr}`);
      assert.match(run.stderr, /^session-e2ee: /);
      assert.doesNotMatch(run.stderr, /unexpected error/);
      assert.match(run.stderr, pattern, args.join(' '));
    });
    assert.deepEqual(readdirSync(nonEmptyOut), ['keep.txt']);
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await cli('--help');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /session-e2ee encrypt <in-dir> <out-dir> --passphrase-file F/);
    const sub = await cli('encrypt', '--help');
    assert.equal(sub.code, 0);
    assert.match(sub.stdout, /--first-index N/);
  });
});

function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

function copyTree(from: string, to: string) {
  ensureDir(to);
  for (const f of readdirSync(from)) copyFileSync(join(from, f), join(to, f));
}
