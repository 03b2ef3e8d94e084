export { SessionDecryptOverlay } from './session-decrypt-overlay.js';
export type {
  DecryptFailedDetail,
  DecryptFormCloseDetail,
  DecryptFormCloseReason,
  UnlockHandler,
  UnlockOutcome,
} from './session-decrypt-overlay.js';
import './session-decrypt-overlay.define.js';
