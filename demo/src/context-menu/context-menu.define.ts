import { DemoContextMenu } from './context-menu.js';

if (!customElements.get('demo-context-menu')) customElements.define('demo-context-menu', DemoContextMenu);
