import { DemoSessionGrid } from './session-grid.js';

if (!customElements.get('demo-session-grid')) customElements.define('demo-session-grid', DemoSessionGrid);
