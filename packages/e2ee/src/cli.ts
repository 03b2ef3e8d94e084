#!/usr/bin/env node
/**
 * session-e2ee: seals an HLS folder into the Session Player E2EE format (and back).
 * Prints one summary line, or one error line with exit code 1. Never prints secrets.
 */
import { parseArgs } from 'node:util';
import { E2eeError } from './errors.js';
import { PlaylistSyntaxError } from './playlist/media-playlist.js';
import { CliError } from './cli/cli-error.js';
import { encryptFolder, type FolderSummary } from './cli/encrypt-folder.js';
import { decryptFolder } from './cli/decrypt-folder.js';
import { readPassphraseFile } from './cli/folders.js';

const USAGE = `Usage:
  session-e2ee encrypt <in-dir> <out-dir> --passphrase-file F [--recording-id ID] [--start ISO]
                       [--first-index N] [--iterations N] [--playlist NAME]
  session-e2ee decrypt <in-dir> <out-dir> --passphrase-file F [--playlist NAME]

encrypt  seals the fMP4 HLS playlist in <in-dir> (its only .m3u8, or --playlist) into <out-dir>:
         header.bin, header.b64, init-<n>.sps, seg-<index>.sps and recording.m3u8.
         Instants come from EXT-X-PROGRAM-DATE-TIME, or --start when the playlist has none.
decrypt  opens such a folder again: init.mp4, seg-<index>.m4s and a plain recording.m3u8.

  --passphrase-file F   file holding the passphrase (one trailing newline is ignored)
  --recording-id ID     recording id bound into every segment (default: the input folder's name)
  --start ISO           first segment's instant, e.g. 2024-05-01T09:30:00Z
  --first-index N       index of the first media segment (default 0)
  --iterations N        PBKDF2 iterations, 600000..10000000 (default 600000)
  --playlist NAME       the playlist to read when the folder holds several
  -h, --help            show this help

Format: FORMAT.md in @session-player/e2ee.`;

const COMMON = { 'passphrase-file': { type: 'string' }, playlist: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
const ENCRYPT = { ...COMMON, 'recording-id': { type: 'string' }, start: { type: 'string' }, 'first-index': { type: 'string' }, iterations: { type: 'string' } } as const;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? console.error : console.log)(USAGE);
    return command === undefined ? 1 : 0;
  }
  if (command !== 'encrypt' && command !== 'decrypt') throw new CliError(`unknown command ${JSON.stringify(command)}; use encrypt or decrypt (see --help)`);
  const { values, positionals } = parseArgs({ args: rest, options: command === 'encrypt' ? ENCRYPT : COMMON, allowPositionals: true, strict: true });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 2) throw new CliError(`${command} needs <in-dir> and <out-dir> (got ${positionals.length} folder argument${positionals.length === 1 ? '' : 's'})`);
  const [inDir, outDir] = positionals as [string, string];
  const passphrase = await readPassphraseFile(values['passphrase-file']);
  const began = performance.now();
  let summary: FolderSummary;
  if (command === 'encrypt') {
    const v = values as { 'recording-id'?: string; start?: string; 'first-index'?: string; iterations?: string; playlist?: string };
    summary = await encryptFolder({
      inDir,
      outDir,
      passphrase,
      ...(v['recording-id'] === undefined ? {} : { recordingId: v['recording-id'] }),
      ...(v.start === undefined ? {} : { start: parseInstant(v.start) }),
      ...(v['first-index'] === undefined ? {} : { firstIndex: parseCount(v['first-index'], '--first-index') }),
      ...(v.iterations === undefined ? {} : { iterations: parseCount(v.iterations, '--iterations') }),
      ...(v.playlist === undefined ? {} : { playlist: v.playlist }),
    });
  } else {
    summary = await decryptFolder({ inDir, outDir, passphrase, ...(values.playlist === undefined ? {} : { playlist: values.playlist }) });
  }
  const verb = command === 'encrypt' ? 'sealed' : 'decrypted';
  const seconds = ((performance.now() - began) / 1000).toFixed(1);
  console.log(
    `${verb} ${summary.segments} media segment${summary.segments === 1 ? '' : 's'} + init of recording ${JSON.stringify(summary.recordingId)}: ` +
      `${summary.bytes.toLocaleString('en-US')} bytes, ${(summary.durationMs / 1000).toFixed(1)} s of video, into ${outDir} in ${seconds} s`,
  );
  return 0;
}

function parseInstant(text: string): number {
  const ms = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) throw new CliError(`--start must be an ISO 8601 instant with a time zone, e.g. 2024-05-01T09:30:00Z (got ${JSON.stringify(text)})`);
  return ms;
}

function parseCount(text: string, option: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n)) throw new CliError(`${option} must be a whole number (got ${JSON.stringify(text)})`);
  return n;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Ours, argument parsing and file-system errors ("EACCES: permission denied, open '…'") explain themselves.
    const code = (e as { code?: unknown } | null)?.code;
    const explained =
      e instanceof CliError || e instanceof E2eeError || e instanceof PlaylistSyntaxError || e instanceof RangeError ||
      (typeof code === 'string' && (code.startsWith('ERR_PARSE_ARGS') || /^E[A-Z]+$/.test(code)));
    const message = e instanceof Error ? e.message : String(e);
    console.error(`session-e2ee: ${explained ? '' : 'unexpected error: '}${message.split('\n')[0]}`);
    process.exitCode = 1;
  },
);
