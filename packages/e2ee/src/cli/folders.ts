import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { CliError } from './cli-error.js';

export async function requireFolder(dir: string, role: string): Promise<string> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new CliError(`${role} folder not found: ${dir}`);
  if (!info.isDirectory()) throw new CliError(`${role} is not a folder: ${dir}`);
  return resolve(dir);
}

/** Creates the output folder; refuses one that already holds files, so two runs never mix. */
export async function prepareOutputFolder(dir: string): Promise<string> {
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new CliError(`output is not a folder: ${dir}`);
  if (info && (await readdir(dir)).length > 0) throw new CliError(`output folder is not empty: ${dir}`);
  await mkdir(dir, { recursive: true });
  return resolve(dir);
}

/** `--playlist NAME`, or else the folder's only `.m3u8`. */
export async function findPlaylist(dir: string, name: string | undefined, prefer?: string): Promise<string> {
  if (name !== undefined) {
    const path = resolve(dir, name);
    if (!(await stat(path).catch(() => undefined))?.isFile()) throw new CliError(`playlist not found: ${path}`);
    return path;
  }
  const playlists = (await readdir(dir)).filter((f) => f.toLowerCase().endsWith('.m3u8')).sort();
  if (prefer && playlists.includes(prefer)) return join(dir, prefer);
  if (playlists.length === 0) throw new CliError(`no .m3u8 playlist in ${dir}`);
  if (playlists.length > 1) throw new CliError(`${dir} holds ${playlists.length} playlists (${playlists.join(', ')}); choose one with --playlist`);
  return join(dir, playlists[0]!);
}

/** The local file a playlist URI names, which must exist (checked before anything is written). */
export async function listedFile(playlistPath: string, uri: string): Promise<string> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || isAbsolute(uri)) throw new CliError(`${uri} in ${basename(playlistPath)} is not a relative file path`);
  const path = resolve(dirname(playlistPath), decodeURIComponent(uri.split(/[?#]/)[0]!));
  if (!(await stat(path).catch(() => undefined))?.isFile()) {
    throw new CliError(`segment file missing: ${relative(process.cwd(), path) || path} (listed in ${basename(playlistPath)})`);
  }
  return path;
}

/** The passphrase file's contents without ONE trailing newline (\n or \r\n); never empty. */
export async function readPassphraseFile(path: string | undefined): Promise<string> {
  if (path === undefined) throw new CliError('--passphrase-file is required');
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new CliError(e.code === 'ENOENT' ? `passphrase file not found: ${path}` : `cannot read passphrase file ${path}: ${e.code ?? e.message}`);
  });
  const passphrase = text.replace(/\r?\n$/, '');
  if (passphrase.length === 0) throw new CliError(`passphrase file is empty: ${path}`);
  return passphrase;
}
