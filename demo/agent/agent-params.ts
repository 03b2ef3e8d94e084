export const DEFAULT_USER_ID = 'aschneider';
export const DEFAULT_COMPUTER_ID = 'ber-ws-014';

export interface AgentParams {
  userId: string;
  computerId: string;
  /**
   * `chunks` (default): the desktop is encoded here and streamed as WebCodecs
   * chunks. `hls` (`?transport=hls`): viewers are pointed at the reference
   * backend's live HLS playlist from the fixture pool instead, as an agent
   * that streams HLS would; control still goes through the relay.
   */
  transport: 'chunks' | 'hls';
}

/** `?userId=…&computerId=…`, each defaulting when absent or empty. */
export function readAgentParams(search: string = location.search): AgentParams {
  const q = new URLSearchParams(search);
  return {
    userId: q.get('userId')?.trim() || DEFAULT_USER_ID,
    computerId: q.get('computerId')?.trim() || DEFAULT_COMPUTER_ID,
    transport: q.get('transport') === 'hls' ? 'hls' : 'chunks',
  };
}

/** The reference backend's live HLS playlist for the stream (same origin). */
export function livePlaylistPath(p: AgentParams): string {
  return `/api/streams/${encodeURIComponent(p.userId)}/${encodeURIComponent(p.computerId)}/live.m3u8`;
}

/** The relay's agent endpoint on this page's origin (ws: or wss: as the page). */
export function relayUrl(p: AgentParams, loc: Location = location): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  const q = new URLSearchParams({ userId: p.userId, computerId: p.computerId });
  return `${scheme}//${loc.host}/api/live/agent?${q}`;
}
