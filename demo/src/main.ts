import './dashboard/dashboard.define.js';

const dashboard = document.createElement('demo-dashboard');
document.body.replaceChildren(dashboard);
