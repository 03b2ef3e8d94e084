import type { ControlState } from '../../packages/player/src/live/live-protocol.js';
import type { Agent } from './agent.js';
import type { ConsentChoice } from './control-session.js';
import type { Screen } from './desktop.js';
import { SUBMIT_BUTTON, TASK_MANAGER_CLOSE, type Rect } from './desktop-geometry.js';

/** The simulated computer's state, read live, for tests (`window.agent`). */
export interface AgentApi {
  readonly editorText: string;
  readonly submitClicks: number;
  readonly frozen: boolean;
  readonly control: ControlState;
  readonly screen: Screen;
  /** Whether the relay socket is open. */
  readonly connected: boolean;
  /** The Submit button, in desktop pixels. */
  readonly buttonRect: Rect;
  /** The task-manager screen's Close button, in desktop pixels. */
  readonly closeRect: Rect;
  /** The last key a viewer typed that was applied (only with full control). */
  readonly lastRemoteKey?: string;
  /** When (Date.now()) the last remote key was applied: frames drawn from then on show it (bench:live). */
  readonly lastRemoteKeyAt?: number;
  /** The drawn mouse cursor, in desktop pixels. */
  readonly cursor: { x: number; y: number };
  /** Viewers, as the relay last counted them (0 while disconnected). */
  readonly viewers: number;
  /** The codec being encoded (null until the encoder runs). */
  readonly codec: string | null;
  /** Chunks the encoder produced, sent or not. */
  readonly chunksEncoded: number;
  /** Chunks sent to the relay. */
  readonly chunksSent: number;
  /** Answers a pending consent prompt like its buttons do; false when none is pending. */
  answerConsent(choice: ConsentChoice): boolean;
  /** Handles a message as if the relay had sent it (a ViewerMessage or a relay message). */
  receive(message: unknown): void;
}

declare global {
  interface Window {
    agent: AgentApi;
  }
}

export function exposeAgentApi(agent: Agent): AgentApi {
  const api: AgentApi = {
    get editorText() {
      return agent.desktop.editorText;
    },
    get submitClicks() {
      return agent.desktop.submitClicks;
    },
    get frozen() {
      return agent.control.frozen;
    },
    get control() {
      return agent.control.control;
    },
    get screen() {
      return agent.desktop.screen;
    },
    get connected() {
      return agent.relay.open;
    },
    get buttonRect() {
      return { ...SUBMIT_BUTTON };
    },
    get closeRect() {
      return { ...TASK_MANAGER_CLOSE };
    },
    get lastRemoteKey() {
      return agent.lastRemoteKey;
    },
    get lastRemoteKeyAt() {
      return agent.lastRemoteKeyAt;
    },
    get cursor() {
      return { ...agent.desktop.cursor };
    },
    get viewers() {
      return agent.viewers;
    },
    get codec() {
      return agent.encoder.config?.codec ?? null;
    },
    get chunksEncoded() {
      return agent.encoder.chunksEncoded;
    },
    get chunksSent() {
      return agent.chunksSent;
    },
    answerConsent: (choice) => agent.answerConsent(choice),
    receive: (message) => agent.receive(message),
  };
  window.agent = api;
  return api;
}
