import { DemoDashboard } from './dashboard.js';

if (!customElements.get('demo-dashboard')) customElements.define('demo-dashboard', DemoDashboard);
