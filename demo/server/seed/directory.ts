/**
 * Who is monitored on which machine. Three people in three zones; Anna works on
 * a desktop in the office and on a laptop from home.
 */
export interface SeedUser {
  id: string;
  name: string;
  login: string;
  ip: string;
  timezone: string;
  domain: string;
  email: string;
}

export interface SeedComputer {
  id: string;
  name: string;
  os: string;
  ip: string;
}

export interface SeedStream {
  userId: string;
  computerId: string;
  /** Lower first: the computer `GET /api/session` picks when none is given. */
  position: number;
  /**
   * End-to-end encrypted: the backend only ever holds sealed segments of this
   * stream (sealed at start-up with the demo passphrase, see README).
   */
  sealed?: boolean;
}

export const SEED_USERS: readonly SeedUser[] = [
  {
    id: 'aschneider',
    name: 'Anna Schneider',
    login: 'aschneider',
    ip: '10.20.14.37',
    timezone: 'Europe/Berlin',
    domain: 'NORTHWIND',
    email: 'anna.schneider@northwind-logistics.de',
  },
  {
    id: 'mreed',
    name: 'Marcus Reed',
    login: 'mreed',
    ip: '10.40.2.118',
    timezone: 'America/New_York',
    domain: 'NORTHWIND',
    email: 'marcus.reed@northwind-logistics.com',
  },
  {
    id: 'ytanaka',
    name: 'Yuki Tanaka',
    login: 'ytanaka',
    ip: '10.60.8.23',
    timezone: 'Asia/Tokyo',
    domain: 'NORTHWIND',
    email: 'yuki.tanaka@northwind-logistics.jp',
  },
  {
    id: 'smarino',
    name: 'Sofia Marino',
    login: 'smarino',
    ip: '10.70.3.61',
    timezone: 'Europe/Rome',
    domain: 'NORTHWIND',
    email: 'sofia.marino@northwind-logistics.it',
  },
];

export const SEED_COMPUTERS: readonly SeedComputer[] = [
  { id: 'ber-ws-014', name: 'BER-WS-014', os: 'Windows 11 Pro 23H2', ip: '10.20.14.37' },
  { id: 'ber-lt-007', name: 'BER-LT-007', os: 'Windows 11 Enterprise 24H2', ip: '192.168.178.54' },
  { id: 'nyc-ws-221', name: 'NYC-WS-221', os: 'Windows 10 Enterprise 22H2', ip: '10.40.2.118' },
  { id: 'tyo-mac-042', name: 'TYO-MAC-042', os: 'macOS 14.6 Sonoma', ip: '10.60.8.23' },
  { id: 'mil-ws-009', name: 'MIL-WS-009', os: 'Windows 11 Pro 24H2', ip: '10.70.3.61' },
  { id: 'mil-lt-002', name: 'MIL-LT-002', os: 'Windows 11 Enterprise 24H2', ip: '10.70.9.140' },
];

export const SEED_STREAMS: readonly SeedStream[] = [
  { userId: 'aschneider', computerId: 'ber-ws-014', position: 0 },
  { userId: 'aschneider', computerId: 'ber-lt-007', position: 1 },
  { userId: 'mreed', computerId: 'nyc-ws-221', position: 0 },
  { userId: 'ytanaka', computerId: 'tyo-mac-042', position: 0 },
  // Legal's workstation: recordings only the reviewer's passphrase opens.
  { userId: 'smarino', computerId: 'mil-ws-009', position: 0, sealed: true },
  { userId: 'smarino', computerId: 'mil-lt-002', position: 1, sealed: true },
];
