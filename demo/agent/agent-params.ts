export const DEFAULT_USER_ID = 'aschneider';
export const DEFAULT_COMPUTER_ID = 'ber-ws-014';

export interface AgentParams {
  userId: string;
  computerId: string;
}

/** `?userId=…&computerId=…`, each defaulting when absent or empty. */
export function readAgentParams(search: string = location.search): AgentParams {
  const q = new URLSearchParams(search);
  return {
    userId: q.get('userId')?.trim() || DEFAULT_USER_ID,
    computerId: q.get('computerId')?.trim() || DEFAULT_COMPUTER_ID,
  };
}

/** The relay's agent endpoint on this page's origin (ws: or wss: as the page). */
export function relayUrl(p: AgentParams, loc: Location = location): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  const q = new URLSearchParams({ userId: p.userId, computerId: p.computerId });
  return `${scheme}//${loc.host}/api/live/agent?${q}`;
}
