import { Agent } from './agent.js';
import { exposeAgentApi } from './agent-api.js';
import { livePlaylistPath, readAgentParams, relayUrl } from './agent-params.js';
import { LiveSealer } from './live-sealer.js';
import { PageChrome } from './page-chrome.js';

/** The demo's simulated monitored computer: `/agent/?userId=…&computerId=…`. */
function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the agent page`);
  return el as T;
}

const params = readAgentParams();
const chrome = new PageChrome({
  heading: byId('agent-heading'),
  status: byId('agent-status'),
  encoder: byId('agent-encoder'),
  control: byId('agent-control'),
  banner: byId('agent-banner'),
  bannerText: byId('agent-banner-text'),
  stage: byId('agent-stage'),
});
chrome.setIdentity(params.userId, params.computerId);

const agent = new Agent({
  canvas: byId<HTMLCanvasElement>('agent-desktop'),
  chrome,
  dialog: byId<HTMLDialogElement>('agent-consent'),
  countdown: byId('agent-consent-countdown'),
  relayUrl: relayUrl(params),
  hlsPlaylist: params.transport === 'hls' ? livePlaylistPath(params) : null,
});
exposeAgentApi(agent);
// An end-to-end encrypted stream is streamed sealed; start once that is known.
// If that cannot be known, nothing is streamed (the error is on the console).
agent.sealer = await LiveSealer.forStream(params);
agent.start();
