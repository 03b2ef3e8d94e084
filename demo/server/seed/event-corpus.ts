import type { Random } from './prng.js';

/**
 * The raw material of the seeded events: applications, the windows they show,
 * what people type into them and what the monitoring rules flag. Texts are
 * assembled from parts so that a week of events stays varied.
 */

/** The people and business a user's screen is about. */
export interface Persona {
  first: string;
  email: string;
  colleagues: readonly string[];
  customers: readonly string[];
  newsSite: { name: string; host: string; headlines: readonly string[] };
  /** The user writes some mails and chats in this language. */
  localPhrases: readonly string[];
  platform: 'windows' | 'mac';
}

/** What is on screen during one activity. */
export interface Screen {
  app: string;
  window: string;
  title: string;
  url: string | null;
  /** Which keystroke generator fits this screen, if typing happens here. */
  typing: TypingKind | null;
}

export type TypingKind = 'mail' | 'chat' | 'sheet' | 'doc' | 'search' | 'code' | 'shell' | 'crm' | 'erp';

const fmt = (n: number) => n.toLocaleString('en-US');
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const firstName = (full: string) => full.split(' ')[0]!;

export const PERSONAS: Record<string, Persona> = {
  aschneider: {
    first: 'Anna',
    email: 'anna.schneider@northwind-logistics.de',
    colleagues: ['Jonas Weber', 'Lea Hoffmann', 'Tobias Krüger', 'Miriam Yilmaz', 'Stefan Braun', 'Katrin Vogel'],
    customers: ['Baumarkt Nord GmbH', 'Rhein Pharma AG', 'Kessler Foods', 'Alpina Outdoor', 'Elbe Papier KG', 'Hansa Möbel'],
    newsSite: {
      name: 'SPIEGEL',
      host: 'www.spiegel.de',
      headlines: [
        'Bahnstreik: Was Pendler jetzt wissen müssen',
        'Dieselpreis steigt zum dritten Mal in Folge',
        'Hamburger Hafen meldet Rekordumschlag',
        'Wetter: Gewitterfront zieht über Norddeutschland',
      ],
    },
    localPhrases: [
      'Danke dir, ich schaue mir das gleich an.',
      'Können wir das morgen früh kurz besprechen?',
      'Die Zahlen für Oktober sind jetzt im Sharepoint.',
      'Bin gleich im Meeting, melde mich danach.',
      'Viele Grüße, Anna',
      'Passt für mich, dann machen wir es so.',
    ],
    platform: 'windows',
  },
  mreed: {
    first: 'Marcus',
    email: 'marcus.reed@northwind-logistics.com',
    colleagues: ['Priya Patel', 'Dan Okafor', 'Jessica Lin', 'Tom Becker', 'Rachel Moreno', 'Kevin Walsh'],
    customers: ['Hudson Freight', 'Atlas Retail', 'Brightline Medical', 'Keystone Foods', 'Bayview Apparel', 'Summit Hardware'],
    newsSite: {
      name: 'The New York Times',
      host: 'www.nytimes.com',
      headlines: [
        'Fed Holds Rates Steady, Signals Patience',
        'Subway Delays Snarl Morning Commute',
        'Port of New Jersey Sees Record Container Volume',
        'Knicks Rally Late to Beat Celtics',
      ],
    },
    localPhrases: [
      'Sounds good, thanks!',
      'Can you send me the latest version?',
      'Running 5 min late to the sync.',
      'Let me double-check the numbers and get back to you.',
      'Thanks, Marcus',
      'Approved from my side.',
    ],
    platform: 'windows',
  },
  ytanaka: {
    first: 'Yuki',
    email: 'yuki.tanaka@northwind-logistics.jp',
    colleagues: ['Kenji Sato', 'Haruka Mori', 'Daniel Kim', 'Aiko Suzuki', 'Ren Takahashi', 'Sophie Laurent'],
    customers: ['Sakura Retail', 'Osaka Precision', 'Hokkaido Dairy', 'Minato Electronics', 'Kobe Steelworks', 'Fuji Travel'],
    newsSite: {
      name: 'Nikkei Asia',
      host: 'asia.nikkei.com',
      headlines: [
        'Yen weakens past 150 against the dollar',
        'Japan logistics firms race to automate warehouses',
        'Typhoon disrupts shipping in Kyushu',
        'Tokyo office vacancies fall for third quarter',
      ],
    },
    localPhrases: [
      'お疲れさまです。確認します。',
      'ありがとうございます！',
      'PR updated, please take another look.',
      'I will deploy to staging after lunch.',
      'LGTM 👍',
      '明日の朝にレビューします。',
    ],
    platform: 'mac',
  },  smarino: {
    first: 'Sofia',
    email: 'sofia.marino@northwind-logistics.it',
    colleagues: ['Luca Bianchi', 'Giulia Romano', 'Marco Ferri', 'Elena Conti', 'Paolo Greco', 'Chiara Gallo'],
    customers: ['Lombardia Trasporti', 'Adriatica Foods', 'Vetro Murano SpA', 'Piemonte Tessile', 'Porto di Genova Srl', 'Sole Energia'],
    newsSite: {
      name: 'Corriere della Sera',
      host: 'www.corriere.it',
      headlines: [
        'Sciopero dei trasporti: le fasce garantite',
        'Milano, nuova linea della metropolitana in anticipo',
        'Porto di Genova: traffico container in crescita',
        'Meteo: allerta gialla in Lombardia',
      ],
    },
    localPhrases: [
      'Grazie, ci guardo subito.',
      'Possiamo sentirci domani mattina?',
      'Il contratto aggiornato è nella cartella condivisa.',
      'Sono in riunione, ti richiamo dopo.',
      'Un saluto, Sofia',
      'Per me va bene, procediamo così.',
    ],
    platform: 'windows',
  },

};

const MAIL_SENTENCES = [
  'please find attached the updated freight cost overview for {customer}.',
  'could you check the delivery dates for the {customer} order before Friday?',
  'the invoice {invoice} is still open, can you follow up with accounting?',
  'as discussed, we will move the review meeting to Thursday at {time}.',
  'I have updated the forecast with the numbers from {colleague}.',
  'the customs documents for shipment {shipment} are missing the HS codes.',
  'thanks for the quick turnaround on the {customer} quote.',
  'can we get the pallet count confirmed for tomorrow morning?',
  'attached is the signed contract amendment, please file it in the shared drive.',
  'I will be out of office next Monday, {colleague} will cover for me.',
  'the carrier confirmed pickup at {time}, tracking number {shipment}.',
  'please treat the attached pricing as confidential until the deal is signed.',
  'let me know if the budget for Q{quarter} still works for you.',
  'we found a discrepancy of {amount} EUR in the October statement.',
  'could you share the password for the customer portal again?',
];

const MAIL_SUBJECTS = [
  'Re: Freight rates {customer} Q{quarter}',
  'Invoice {invoice} – payment status',
  'Shipment {shipment} delayed at customs',
  'Fwd: Contract amendment {customer}',
  'Weekly KPI report',
  'Re: Warehouse capacity planning',
  'Meeting notes – carrier review',
  'Re: Budget Q{quarter}',
  'Out of office next week',
  'Urgent: missing delivery notes',
];

const CHAT_MESSAGES = [
  'quick question about the {customer} account',
  'are you joining the standup?',
  'can you review my numbers before I send them out?',
  'the VPN is super slow again today',
  'lunch at 12:30?',
  'I pushed the fix, should be live in 10 min',
  'who owns the {customer} renewal now?',
  'sent you the file via OneDrive',
  'call in 5?',
  'thanks, that helped a lot',
  'heads up: the SAP system goes down for maintenance at 6',
  'do we have the signed PO from {customer} yet?',
  'my screen froze, rejoining the call',
];

const SEARCH_QUERIES = [
  'incoterms 2020 DAP vs DDP',
  'excel xlookup multiple criteria',
  'how to export outlook contacts to csv',
  '{customer} annual report',
  'container freight index this week',
  'pivot table refresh all shortcut',
  'best noise cancelling headphones 2024',
  'train tickets hamburg berlin',
  'how to compress pdf without acrobat',
  'python pandas merge on two columns',
  'linkedin jobs supply chain analyst remote',
  'cheap flights to lisbon',
  'customs tariff number lithium batteries',
  'weather tomorrow',
];

const SHEET_INPUTS = [
  '=SUMIFS(D:D,B:B,"{customer}")',
  '=XLOOKUP(A{row},Rates!A:A,Rates!C:C)',
  '=IFERROR(E{row}/D{row},0)',
  '{amount}',
  'Q{quarter} forecast',
  '=ROUND(F{row}*1.19,2)',
  '=COUNTIF(Status,"open")',
  'Pallets per truck',
  '=AVERAGE(H2:H{row})',
];

const DOC_SENTENCES = [
  'The carrier review showed a 4% improvement in on-time delivery.',
  'Next steps: renegotiate the rate card with {customer} before the end of Q{quarter}.',
  'All shipments above 2 tons require a second signature.',
  'Summary of the warehouse audit on {date}.',
  'Risks: capacity shortage during peak season, driver availability.',
  'Action item for {colleague}: update the SOP for returns handling.',
  'This document is confidential and intended for internal use only.',
];

const CODE_LINES = [
  'const shipments = await api.listShipments({ status: "open" });',
  'if (!order.customsCleared) throw new Error("customs pending");',
  'git commit -m "fix: handle empty manifest"',
  'export function routeCost(legs: Leg[]): number {',
  'SELECT id, eta FROM shipments WHERE carrier_id = $1;',
  'it("rejects a manifest without HS codes", async () => {',
  'return legs.reduce((sum, leg) => sum + leg.km * leg.rate, 0);',
  'TODO: remove feature flag after rollout',
  'import { formatISO } from "date-fns";',
];

const SHELL_COMMANDS = [
  'git pull --rebase',
  'npm run test -- --watch',
  'kubectl get pods -n staging',
  'ssh deploy@staging-01.northwind.internal',
  'docker compose up -d postgres',
  'tail -f /var/log/app/worker.log',
  'Get-ADUser {login} -Properties LastLogonDate',
  'ping erp.northwind.internal',
  'curl -s https://api.northwind.internal/health',
  'ls -la ~/Downloads',
];

const CRM_INPUTS = [
  'Follow-up call with {colleague} re {customer}',
  'Opportunity stage: Negotiation',
  'Estimated volume: {amount} pallets / year',
  'Contact asked for revised quote incl. cold chain',
  '{customer} – renewal {year}',
];

const ERP_INPUTS = ['VA03', 'ME23N', '{invoice}', 'MIGO', 'VL02N', '{shipment}', 'FB03', '4500{row}'];

function fill(template: string, rnd: Random, p: Persona): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'customer':
        return rnd.pick(p.customers);
      case 'colleague':
        return rnd.pick(p.colleagues);
      case 'invoice':
        return `INV-${rnd.int(2023, 2025)}-${pad(rnd.int(1, 9999), 4)}`;
      case 'shipment':
        return `NWL${pad(rnd.int(0, 99999999), 8)}`;
      case 'time':
        return `${rnd.int(8, 16)}:${rnd.pick(['00', '15', '30', '45'])}`;
      case 'quarter':
        return String(rnd.int(1, 4));
      case 'amount':
        return fmt(rnd.int(120, 98000));
      case 'row':
        return String(rnd.int(2, 480));
      case 'date':
        return `${rnd.int(1, 28)}.${rnd.int(1, 12)}.`;
      case 'year':
        return String(rnd.int(2024, 2026));
      case 'login':
        return rnd.pick(['jweber', 'lhoffmann', 'pptel', 'dokafor', 'ksato']);
      default:
        return key;
    }
  });
}

/** One run of keystrokes as typed (no control keys). */
export function typedText(kind: TypingKind, rnd: Random, p: Persona): string {
  switch (kind) {
    case 'mail':
      return rnd.chance(0.25)
        ? rnd.pick(p.localPhrases)
        : `${rnd.chance(0.5) ? `Hi ${firstName(rnd.pick(p.colleagues))}, ` : ''}${fill(rnd.pick(MAIL_SENTENCES), rnd, p)}`;
    case 'chat':
      return rnd.chance(0.3) ? rnd.pick(p.localPhrases) : fill(rnd.pick(CHAT_MESSAGES), rnd, p);
    case 'search':
      return fill(rnd.pick(SEARCH_QUERIES), rnd, p);
    case 'sheet':
      return fill(rnd.pick(SHEET_INPUTS), rnd, p);
    case 'doc':
      return fill(rnd.pick(DOC_SENTENCES), rnd, p);
    case 'code':
      return rnd.pick(CODE_LINES);
    case 'shell':
      return fill(rnd.pick(SHELL_COMMANDS), rnd, p);
    case 'crm':
      return fill(rnd.pick(CRM_INPUTS), rnd, p);
    case 'erp':
      return fill(rnd.pick(ERP_INPUTS), rnd, p);
  }
}

interface Page {
  title: string;
  url: string;
  typing: TypingKind | null;
}

function browserPage(rnd: Random, p: Persona): Page {
  const customer = rnd.pick(p.customers);
  const issue = rnd.int(1200, 4800);
  const roll = rnd.next();
  if (roll < 0.16) {
    const q = fill(rnd.pick(SEARCH_QUERIES), rnd, p);
    return { title: `${q} - Google Search`, url: `https://www.google.com/search?q=${encodeURIComponent(q)}`, typing: 'search' };
  }
  if (roll < 0.3) {
    return {
      title: `${customer} | Account | Salesforce`,
      url: `https://northwind.lightning.force.com/lightning/r/Account/001${pad(rnd.int(0, 999999), 6)}/view`,
      typing: 'crm',
    };
  }
  if (roll < 0.42) {
    const summary = rnd.pick(['Label printer offline in hall 3', 'Update carrier rate card', 'Customs export for ' + customer, 'Fix ETA calculation', 'Onboard new forwarder']);
    return { title: `[NWL-${issue}] ${summary} - Jira`, url: `https://northwind.atlassian.net/browse/NWL-${issue}`, typing: 'chat' };
  }
  if (roll < 0.5) {
    const page = rnd.pick(['Carrier onboarding checklist', 'Returns handling SOP', 'Peak season staffing plan', 'Travel expense policy']);
    return {
      title: `${page} - Operations - Confluence`,
      url: `https://northwind.atlassian.net/wiki/spaces/OPS/pages/${rnd.int(100000, 999999)}`,
      typing: 'doc',
    };
  }
  if (roll < 0.58) {
    const h = rnd.pick(p.newsSite.headlines);
    return { title: `${h} - ${p.newsSite.name}`, url: `https://${p.newsSite.host}/${h.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'news'}`, typing: null };
  }
  if (roll < 0.64) {
    return { title: 'Timesheet - Workday', url: 'https://wd3.myworkday.com/northwind/d/task/2997$3453.htmld', typing: null };
  }
  if (roll < 0.69) {
    return { title: '(3) Feed | LinkedIn', url: 'https://www.linkedin.com/feed/', typing: null };
  }
  if (roll < 0.73) {
    return { title: 'YouTube', url: `https://www.youtube.com/watch?v=${rnd.pick(['dQw4w9WgXcQ', 'M7lc1UVf-VE', 'aqz-KE-bpKQ', 'jNQXAC9IVRw'])}`, typing: null };
  }
  if (roll < 0.78) {
    return { title: 'Track shipment - DHL', url: `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${rnd.int(1000000000, 9999999999)}`, typing: 'erp' };
  }
  if (roll < 0.83) {
    return { title: 'Amazon.com: Online Shopping', url: `https://www.amazon.com/s?k=${rnd.pick(['usb+c+hub', 'standing+desk', 'coffee+beans', 'monitor+arm'])}`, typing: 'search' };
  }
  if (roll < 0.88) {
    return { title: 'Outlook on the web', url: 'https://outlook.office.com/mail/inbox', typing: 'mail' };
  }
  if (roll < 0.93) {
    return { title: 'Container freight rates | Freightos', url: 'https://www.freightos.com/enterprise/terminal/freightos-baltic-index-global-container-pricing-index/', typing: null };
  }
  return {
    title: `Pull Request #${rnd.int(300, 900)} · northwind/route-planner`,
    url: `https://github.com/northwind/route-planner/pull/${rnd.int(300, 900)}`,
    typing: 'code',
  };
}

interface AppProfile {
  app: string;
  weight: number;
  screen(rnd: Random, p: Persona): Omit<Screen, 'app'>;
}

const doc = (window: string, title: string, typing: TypingKind | null) => ({ window, title, url: null, typing });

const WINDOWS_APPS: AppProfile[] = [
  {
    app: 'Microsoft Outlook',
    weight: 18,
    screen: (rnd, p) => {
      const subject = fill(rnd.pick(MAIL_SUBJECTS), rnd, p);
      return rnd.chance(0.4)
        ? doc(`Inbox - ${p.email} - Outlook`, 'Inbox', null)
        : doc(`${subject} - Message (HTML)`, subject, 'mail');
    },
  },
  {
    app: 'Microsoft Teams',
    weight: 12,
    screen: (rnd, p) => {
      const who = rnd.pick(p.colleagues);
      return rnd.chance(0.25)
        ? doc(`Meeting with ${who} | Microsoft Teams`, `Meeting with ${who}`, null)
        : doc(`Chat | ${who} | Microsoft Teams`, `Chat with ${who}`, 'chat');
    },
  },
  {
    app: 'Google Chrome',
    weight: 22,
    screen: (rnd, p) => {
      const page = browserPage(rnd, p);
      return { window: `${page.title} - Google Chrome`, title: page.title, url: page.url, typing: page.typing };
    },
  },
  {
    app: 'Microsoft Excel',
    weight: 14,
    screen: (rnd, p) => {
      const file = rnd.pick([`Freight costs ${rnd.pick(p.customers)} Q${rnd.int(1, 4)}.xlsx`, 'KPI dashboard.xlsx', 'Budget 2025 v3.xlsx', 'Carrier scorecard.xlsx', 'Open invoices.xlsx']);
      return doc(`${file} - Excel`, file, 'sheet');
    },
  },
  {
    app: 'Microsoft Word',
    weight: 6,
    screen: (rnd, p) => {
      const file = rnd.pick(['Carrier review notes.docx', `Contract amendment ${rnd.pick(p.customers)}.docx`, 'Warehouse audit report.docx', 'Process description returns.docx']);
      return doc(`${file} - Word`, file, 'doc');
    },
  },
  {
    app: 'SAP Logon',
    weight: 8,
    screen: (rnd) => {
      const tx = rnd.pick([
        ['VA03', 'Display Sales Order: Initial Screen'],
        ['ME23N', 'Display Purchase Order'],
        ['VL02N', 'Change Outbound Delivery'],
        ['FB03', 'Display Document: Initial Screen'],
        ['MIGO', 'Goods Movement'],
      ] as const);
      return doc(`SAP Easy Access - ${tx[1]} (${tx[0]}) - PRD 100`, `${tx[0]} ${tx[1]}`, 'erp');
    },
  },
  {
    app: 'File Explorer',
    weight: 5,
    screen: (rnd, p) => {
      const folder = rnd.pick(['Downloads', 'Documents', `\\\\fs01\\finance\\${rnd.pick(p.customers)}`, 'OneDrive - Northwind Logistics', 'E:\\ (USB Drive)']);
      return doc(`${folder} - File Explorer`, folder, null);
    },
  },
  {
    app: 'Adobe Acrobat Reader',
    weight: 4,
    screen: (rnd, p) => {
      const file = rnd.pick([`Delivery note ${fill('{shipment}', rnd, p)}.pdf`, `Invoice ${fill('{invoice}', rnd, p)}.pdf`, 'Rate card 2025.pdf']);
      return doc(`${file} - Adobe Acrobat Reader (64-bit)`, file, null);
    },
  },
  {
    app: 'Windows PowerShell',
    weight: 2,
    screen: () => doc('Administrator: Windows PowerShell', 'Windows PowerShell', 'shell'),
  },
];

const MAC_APPS: AppProfile[] = [
  {
    app: 'Slack',
    weight: 16,
    screen: (rnd, p) => {
      const channel = rnd.chance(0.5) ? `#${rnd.pick(['dev-routing', 'ops-tokyo', 'incidents', 'random', 'deploys'])}` : rnd.pick(p.colleagues);
      return doc(`${channel} - Northwind - Slack`, channel, 'chat');
    },
  },
  {
    app: 'Visual Studio Code',
    weight: 20,
    screen: (rnd) => {
      const file = rnd.pick(['route-cost.ts', 'manifest.test.ts', 'eta.ts', 'shipments.sql', 'README.md', 'docker-compose.yml']);
      return doc(`${file} — route-planner`, file, 'code');
    },
  },
  {
    app: 'Google Chrome',
    weight: 18,
    screen: (rnd, p) => {
      const page = browserPage(rnd, p);
      return { window: `${page.title} - Google Chrome`, title: page.title, url: page.url, typing: page.typing };
    },
  },
  {
    app: 'Safari',
    weight: 6,
    screen: (rnd, p) => {
      const page = browserPage(rnd, p);
      return { window: page.title, title: page.title, url: page.url, typing: page.typing };
    },
  },
  {
    app: 'Terminal',
    weight: 10,
    screen: (rnd) => doc(`yuki — ${rnd.pick(['zsh', 'ssh staging-01', 'kubectl', 'node'])} — 120×40`, 'Terminal', 'shell'),
  },
  {
    app: 'Microsoft Outlook',
    weight: 8,
    screen: (rnd, p) => {
      const subject = fill(rnd.pick(MAIL_SUBJECTS), rnd, p);
      return doc(subject, subject, 'mail');
    },
  },
  {
    app: 'zoom.us',
    weight: 5,
    screen: (rnd, p) => doc(`Zoom Meeting - ${rnd.pick(p.colleagues)}`, 'Zoom Meeting', null),
  },
  {
    app: 'Notion',
    weight: 6,
    screen: (rnd) => {
      const page = rnd.pick(['Sprint 42 planning', 'On-call runbook', 'Warehouse API design', '1:1 notes']);
      return doc(page, page, 'doc');
    },
  },
  {
    app: 'Finder',
    weight: 3,
    screen: (rnd) => {
      const folder = rnd.pick(['Downloads', 'Desktop', 'route-planner', 'SANDISK (USB)']);
      return doc(folder, folder, null);
    },
  },
];

function pickWeighted(rnd: Random, apps: AppProfile[]): AppProfile {
  const total = apps.reduce((s, a) => s + a.weight, 0);
  let r = rnd.next() * total;
  for (const a of apps) {
    r -= a.weight;
    if (r < 0) return a;
  }
  return apps[apps.length - 1]!;
}

export function nextScreen(rnd: Random, p: Persona): Screen {
  const profile = pickWeighted(rnd, p.platform === 'mac' ? MAC_APPS : WINDOWS_APPS);
  return { app: profile.app, ...profile.screen(rnd, p) };
}

export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface Alert {
  rule: string;
  severity: Severity;
  title: string;
  /** When set, the alert is raised by this app/window rather than the one on screen. */
  app?: string;
  window?: string;
}

/** What the monitoring rules flag, given what is on screen. */
export function alertFor(rnd: Random, screen: Screen, p: Persona): Alert {
  const customer = rnd.pick(p.customers);
  const file = rnd.pick([`Freight costs ${customer}.xlsx`, 'Budget 2025 v3.xlsx', 'Customer list export.csv', 'Payroll Q3.pdf', 'Rate card 2025.pdf']);
  const candidates: Alert[] = [
    { rule: 'Sensitive keyword typed', severity: 'medium', title: `Keyword "confidential" typed in ${screen.app}` },
    { rule: 'Application usage outside policy', severity: 'low', title: `${screen.app} used for more than 30 minutes without input` },
    {
      rule: 'USB mass storage connected',
      severity: 'medium',
      title: `USB device "${rnd.pick(['SanDisk Ultra 64GB', 'Kingston DataTraveler', 'WD My Passport'])}" connected`,
      app: p.platform === 'mac' ? 'Finder' : 'File Explorer',
      window: p.platform === 'mac' ? 'SANDISK (USB)' : 'E:\\ (USB Drive) - File Explorer',
    },
    {
      rule: 'File copied to removable media',
      severity: 'high',
      title: `"${file}" copied to removable drive`,
      app: p.platform === 'mac' ? 'Finder' : 'File Explorer',
      window: p.platform === 'mac' ? 'SANDISK (USB)' : 'E:\\ (USB Drive) - File Explorer',
    },
    {
      rule: 'Upload to personal cloud storage',
      severity: 'high',
      title: `"${file}" uploaded to ${rnd.pick(['drive.google.com', 'wetransfer.com', 'dropbox.com'])}`,
      app: 'Google Chrome',
      window: 'Upload - Google Chrome',
    },
    { rule: 'Job search website', severity: 'low', title: 'Visited linkedin.com/jobs', app: 'Google Chrome', window: 'Jobs | LinkedIn - Google Chrome' },
    { rule: 'Social media during working hours', severity: 'low', title: 'Social media browsing for more than 15 minutes' },
    { rule: 'Large attachment to external recipient', severity: 'high', title: `Mail with "${file}" (14.2 MB) sent to ${rnd.pick(['gmail.com', 'outlook.com', 'gmx.de'])}` },
    { rule: 'Credit card number on clipboard', severity: 'critical', title: 'Clipboard contains a payment card number (Visa, Luhn valid)' },
    { rule: 'Access to restricted HR share', severity: 'critical', title: 'Opened \\\\fs01\\hr\\salaries\\2025 bands.xlsx' },
    { rule: 'Print of confidential document', severity: 'medium', title: `"${file}" printed on ${rnd.pick(['PRN-BER-2OG', 'PRN-NYC-07', 'PRN-TYO-3F'])}` },
    { rule: 'Software installation attempt', severity: 'medium', title: `Installer "${rnd.pick(['AnyDesk.exe', 'TeamViewer_Setup.exe', 'torrent-client.dmg'])}" started` },
    { rule: 'Encoded PowerShell command', severity: 'critical', title: 'powershell.exe -EncodedCommand JABjAGwAaQBlAG4AdAAgAD0A…' },
    { rule: 'Screen capture tool used', severity: 'low', title: `Screenshot taken with ${p.platform === 'mac' ? 'Screenshot.app' : 'Snipping Tool'}` },
  ];
  // Low-severity nags are common, critical findings rare.
  const weights = candidates.map((c) => ({ low: 6, medium: 4, high: 2, critical: 1 })[c.severity]);
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rnd.next() * total;
  for (const [i, c] of candidates.entries()) {
    r -= weights[i]!;
    if (r < 0) return c;
  }
  return candidates[0]!;
}
